/** Bad input in the page: a sentence on screen, never a blank page; cancel; and nothing leaves the origin. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openImage, waitForState } from './helpers';
import { plainArchive } from './plain-archive';

const dir = mkdtempSync(join(tmpdir(), 'strata-e2e-'));

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

test('a file that is not an archive gets a sentence', async ({ page }) => {
  await page.goto('/');
  await openImage(page, file('notes.txt', 'just some text\n'.repeat(100)), 'error');
  await expect(page.getByRole('alert')).toContainText(
    'This file is not an image archive: it is neither a tar nor a compressed tar.',
  );
  // The page stays usable: another file can be opened right away.
  await expect(page.getByText('Open another…')).toBeVisible();
});

test('an empty file gets a sentence', async ({ page }) => {
  await page.goto('/');
  await openImage(page, file('empty.tar', ''), 'error');
  await expect(page.getByRole('alert')).toContainText('The file is empty (0 bytes).');
});

/** A plain docker-archive with one large incompressible layer: slow enough to cancel. */
const bigArchive = () => plainArchive(dir, 'big.tar', [256 * 1024 * 1024]);

test('Cancel stops a load and returns to the start screen', async ({ page }) => {
  const path = bigArchive();
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(path);
  await waitForState(page, 'loading');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await waitForState(page, 'empty');
  await expect(page.getByRole('button', { name: 'Open the sample' })).toBeVisible();
});

test('no request leaves the page origin while an image is explored', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await waitForState(page, 'ready');
  await page.getByRole('table', { name: 'Layers' }).locator('tbody > tr').first().click();
  expect(foreign).toEqual([]);
});

test('a bad file after a good one keeps the good one open', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await waitForState(page, 'ready');
  await openImage(page, file('broken.tar', 'not an archive at all\n'.repeat(50)), 'error');
  await page
    .getByRole('navigation', { name: 'Open archives' })
    .getByRole('button', { name: 'sample.tar', exact: true })
    .click();
  await waitForState(page, 'ready');
  await page.getByRole('button', { name: 'Close broken.tar' }).click();
  await expect(page.getByRole('table', { name: 'Layers' })).toBeVisible();
});
