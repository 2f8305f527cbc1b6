/**
 * Layers read on the pool of layer workers, in Chromium: a corrupt layer fails alone while the other
 * workers' layers are verified and the page stays usable; progress names the layers in flight, and Cancel
 * ends every layer worker (and its hash worker) at once, and the next file opens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Worker } from '@playwright/test';
import { openImage, waitForState } from './helpers';
import { archiveWithCorruptLayer } from './corrupt-layer';
import { plainArchive } from './plain-archive';

const FIXTURES = join(import.meta.dirname, '../fixtures/archives');
const dir = mkdtempSync(join(tmpdir(), 'strata-e2e-parallel-'));
// The archives written here are hundreds of MB: they go when the file's tests end.
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a corrupt layer fails alone; the others are verified and the page stays usable', async ({ page }) => {
  const path = archiveWithCorruptLayer(dir);

  await page.goto('/');
  await openImage(page, path);
  const table = page.getByRole('table', { name: 'Layers' });
  await expect(table.locator('.badge--bad, .badge--warn')).toHaveCount(1);
  const layersWithBlobs = await table.locator('.badge').count();
  expect(layersWithBlobs).toBeGreaterThan(2);
  await expect(table.locator('.badge--ok')).toHaveCount(layersWithBlobs - 1);
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByRole('tree', { name: 'Files' })).toBeVisible();
});

test('progress names the layers in flight; Cancel ends every layer worker at once', async ({ page }) => {
  // Three big incompressible layers: several are read at once, slowly enough to watch and cancel (at about
  // 290 MB/s here, three of 96 MB were read before the time left could be shown: the rate needs half a second).
  const path = plainArchive(
    dir,
    'three-big-layers.tar',
    [256, 256, 256].map((mb) => mb * 1024 * 1024),
  );
  const alive = new Set<Worker>();
  page.on('worker', (worker) => {
    alive.add(worker);
    worker.on('close', () => alive.delete(worker));
  });
  const layerWorkers = () => [...alive].filter((w) => /(layer|sha256)\.worker/.test(w.url())).length;
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(path);
  const progress = page.getByRole('region', { name: 'Loading progress' });
  // Two layers in flight, each with the share of its blob read; the throughput and the time left.
  await expect(progress).toContainText(/reading L\d \(\d+\s?%\), L\d \(\d+\s?%\)/, { timeout: 30_000 });
  await expect(progress).toContainText(/\/s · (about \d+ seconds? left|under a second left)/);
  expect(layerWorkers()).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await waitForState(page, 'empty');
  await expect.poll(layerWorkers).toBe(0);
  await openImage(page, join(FIXTURES, 'podman-oci-archive.tar'));
  await expect(page.getByRole('table', { name: 'Layers' }).locator('.badge--ok')).not.toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Layers' }).locator('.badge--bad')).toHaveCount(0);
});
