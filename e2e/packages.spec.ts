/** Packages in Chromium: the sample's dpkg database, a file's owner, and libssl's blast radius across two images. */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openImage, waitForState } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/archives');

test('the Packages view lists the sample and each package files', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await waitForState(page, 'ready');
  await page.getByRole('tab', { name: 'Packages' }).click();
  const table = page.getByRole('table', { name: 'Installed packages' });
  await expect(table.locator('tbody tr')).toHaveCount(49);
  await expect(page.getByRole('region', { name: 'Packages' })).toContainText('49 dpkg packages');
  // dpkg keeps no licence: the column comes from the DEP-5 copyright files, empty for free-form ones.
  await expect(table.getByRole('columnheader', { name: 'Licence' })).toBeVisible();
  await expect(table.getByRole('row', { name: /^zlib1g / })).toContainText('Zlib');
  await expect(table.getByRole('row', { name: /^libssl3 / })).toContainText('Apache-2.0, Artistic or GPL-1+');
  await page.getByLabel('Search packages').fill('Sleepycat');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Search packages').fill('libssl');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await table.getByText('libssl3', { exact: true }).click();
  await page
    .getByRole('complementary', { name: 'Files of libssl3' })
    .getByRole('button', { name: '/usr/lib/x86_64-linux-gnu/libssl.so.3' })
    .click();
  // The file opens in the Files view with its owner, as dpkg -S would say.
  await expect(page.getByLabel('Owner')).toContainText('libssl3 3.0.20-1~deb12u2 (dpkg)');
});

test('blast radius for libssl across two open images', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await waitForState(page, 'ready');
  await openImage(page, join(FIXTURES, 'podman-docker-archive.tar'));
  await page.getByRole('tab', { name: 'Packages' }).click();
  await page.getByLabel('Package or library').fill('libssl3');
  await page.getByRole('button', { name: 'Find what loads it' }).click();
  const rebuild = page.getByLabel('Images to rebuild');
  await expect(rebuild).toContainText('Rebuild 1:', { timeout: 30_000 });
  await expect(rebuild).toContainText('localhost/strata-sample:1');
  const radius = page.getByRole('region', { name: 'Blast radius' });
  await expect(radius).toContainText('unaffected localhost/t:3');
  await expect(radius).toContainText('/usr/bin/curl');
  await expect(radius).toContainText('/usr/lib/x86_64-linux-gnu/libcurl.so.4');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    radius.getByRole('button', { name: 'CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('strata-blast-radius.csv');
});

test('per-layer package changes and a CycloneDX SBOM of the sample', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await waitForState(page, 'ready');
  await page.getByRole('tab', { name: 'Packages' }).click();
  const layers = page.getByRole('region', { name: 'Package changes by layer' });
  await expect(layers).toContainText('L0');
  await expect(layers).toContainText('installed 49:');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CycloneDX' }).click(),
  ]);
  const { readFileSync } = await import('node:fs');
  const bom = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    bomFormat: string;
    specVersion: string;
    components: { purl: string }[];
  };
  expect(bom.bomFormat).toBe('CycloneDX');
  expect(bom.specVersion).toBe('1.5');
  expect(bom.components.map((c) => c.purl)).toContainEqual(
    expect.stringMatching(/^pkg:deb\/debian\/libssl3@3\.0\.20-1~deb12u2\?arch=amd64/),
  );
});
