/** Opening images in real Chromium: the sample, every archive kind and compression, picking images. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { dropImage, openImage, waitForState } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/archives');
const CORPUS = join(import.meta.dirname, '../../shared/corpus/archives');

function podmanRows(name: string): number | undefined {
  const path = join(FIXTURES, `${name.replace(/\.tar(\.gz)?$/, '')}.podman-history.json`);
  if (!existsSync(path)) return undefined;
  const json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  return Array.isArray(json) ? json.length : undefined;
}

const layersRows = (page: import('@playwright/test').Page) =>
  page.getByRole('table', { name: 'Layers' }).locator('tbody > tr.layers__row');

test('the start screen opens the sample with one click', async ({ page }) => {
  await page.goto('/');
  await waitForState(page, 'empty');
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await waitForState(page, 'ready');
  await expect(layersRows(page)).toHaveCount(podmanRows('sample.tar')!);
  await expect(page.getByRole('region', { name: 'Image' })).toContainText('localhost/strata-sample:1');
  await expect(page.getByRole('table', { name: 'Layers' }).getByText('empty').first()).toBeVisible();
  // Every layer of the sample verifies against its diff_id in Chromium's own gzip.
  await expect(page.getByRole('table', { name: 'Layers' }).locator('.badge--ok')).toHaveCount(5);
});

const kinds = [
  'podman-docker-archive.tar',
  'podman-docker-archive.tar.gz',
  'skopeo-docker-archive.tar',
  'podman-oci-archive.tar',
  'podman-oci-archive-uncompressed.tar',
  'skopeo-zstd-oci-archive.tar',
  'podman-zstd-chunked-oci-archive.tar',
  'synthetic-estargz-oci-archive.tar',
  'synthetic-docker25-classic.tar',
  'synthetic-docker29-containerd.tar',
  'synthetic-kaniko-ggcr.tar',
  'umoci-hand-tarred-layout.tar',
];

for (const [i, name] of kinds.entries()) {
  test(`drop ${name}`, async ({ page }) => {
    await page.goto('/');
    // Half the kinds arrive by drop, half by the file picker: both paths carry every format.
    if (i % 2 === 0) await dropImage(page, join(FIXTURES, name));
    else await openImage(page, join(FIXTURES, name));
    const expected = podmanRows(name);
    if (expected !== undefined) await expect(layersRows(page)).toHaveCount(expected);
    else expect(await layersRows(page).count()).toBeGreaterThan(0);
    await expect(page.getByRole('table', { name: 'Layers' }).locator('.badge--bad')).toHaveCount(0);
    const mismatches = await page.getByRole('table', { name: 'Layers' }).locator('.badge--warn').count();
    // Only zstd:chunked may legitimately differ from its diff_id.
    expect(mismatches).toBe(name.includes('chunked') ? 1 : 0);
  });
}

test('a multi-image archive offers every image by name', async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(FIXTURES, 'podman-multi-image-docker-archive.tar'));
  const picker = page.getByRole('combobox', { name: 'Image' });
  await expect(picker.locator('option')).toHaveText([/localhost\/t:1/, /localhost\/t:3/, /localhost\/s:1/]);
  await picker.selectOption({ label: 'localhost/s:1 · linux/amd64' });
  await waitForState(page, 'ready');
  await expect(page.getByRole('region', { name: 'Image' })).toContainText('localhost/s:1');
});

test('a multi-platform index preselects linux/amd64 and switches to arm64', async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(FIXTURES, 'podman-multi-platform-oci-archive.tar'));
  await expect(page.getByRole('region', { name: 'Image' })).toContainText('linux/amd64');
  await page.getByRole('combobox', { name: 'Image' }).selectOption({ label: 'multi · linux/arm64/v8' });
  await waitForState(page, 'ready');
  await expect(page.getByRole('region', { name: 'Image' })).toContainText('linux/arm64/v8');
});

test('a Docker 29 save shows its absent platform as not included', async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(FIXTURES, 'synthetic-docker29-containerd.tar'));
  await expect(page.getByRole('combobox', { name: 'Image' }).locator('option[disabled]')).toHaveText(
    /linux\/arm64.*not included/,
  );
});

test('a layer row opens its details', async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(FIXTURES, 'podman-oci-archive.tar'));
  await layersRows(page).first().click();
  await expect(page.getByText('diff_id', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Layers' })).toContainText('gzip ·');
});

for (const name of ['test-docker-image.tar', 'test-kaniko-image.tar']) {
  test(`third-party ${name} (skipped when ../shared/corpus is absent)`, async ({ page }) => {
    const path = join(CORPUS, name);
    test.skip(!existsSync(path), `${path} is not here`);
    await page.goto('/');
    await dropImage(page, path);
    await expect(layersRows(page)).toHaveCount(15);
  });
}
