/**
 * The Compare view in Chromium with two open images: app:1 (an OCI archive) against app:2 (a gzipped
 * docker-archive), the sections, the linkage diff graph and its exports, and "Copy as Markdown" giving exactly
 * the CLI's Markdown (the golden of src/cli/commands/compare.test.ts); then two images of one archive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openImage } from './helpers';

const DIR = join(import.meta.dirname, '../fixtures/compare');

test('app:1 → app:2: summary, sections, diff graph, exports and the CLI Markdown', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await openImage(page, join(DIR, 'app-1.oci-archive.tar'));
  await openImage(page, join(DIR, 'app-2.docker-archive.tar.gz'));
  await page.getByRole('tab', { name: 'Compare' }).click();
  const summary = page.getByTestId('compare-summary');
  await expect(summary).toContainText('localhost/app:1 → localhost/app:2', { timeout: 30_000 });
  await expect(summary).toContainText('packages +2 −2 ↑1 ↓1 · 2 new ELF objects · 1 new unresolved library');
  await expect(page.getByRole('table', { name: 'Downgraded packages' })).toContainText('tool2.0-11.5-1');
  await expect(page.getByRole('table', { name: 'New setuid files' })).toContainText(
    '/usr/sbin/strata-helper',
  );
  await expect(page.getByRole('table', { name: 'SONAME changes' })).toContainText(
    'libgreet.so.1libgreet.so.2',
  );
  await expect(page.getByRole('table', { name: 'No longer resolved' })).toContainText('libold.so.1');

  // The linkage picture's writer: dot's layout, the change marked on its edges and boxes.
  const title = /^localhost\/app:1 \([0-9a-f]{12}\) → localhost\/app:2 \([0-9a-f]{12}\)$/;
  const graph = page.getByTestId('compare-graph');
  await expect(graph.locator('svg')).toHaveAttribute('aria-label', title);
  await expect(graph.locator('.edge--added')).toHaveCount(3);
  await expect(graph.locator('.edge--removed')).toHaveCount(4);
  await expect(graph.locator('.node--added')).toHaveCount(2);
  await expect(graph.locator('.node--removed')).toHaveCount(2);
  await expect(graph.locator('.edge--added').first()).toHaveAttribute('stroke', '#15803d');
  await expect(graph.locator('.edge--removed').first()).toHaveAttribute('stroke', '#b91c1c');

  const legend = [
    'object only in the new image',
    'object only in the old image',
    'object in both',
    'load added',
    'load removed (dashed)',
    'load in both',
  ];
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe('app_1-to-app_2-linkage-change.svg');
  const svgText = readFileSync(await svg.path(), 'utf8');
  expect(/<title>([^<]*)<\/title>/.exec(svgText)?.[1]).toMatch(title);
  for (const words of legend) expect(svgText).toContain(`>${words}</text>`);
  expect(svgText).toContain('resolved as the image&#39;s own loader would');
  expect(svgText).toContain('fill="#ffffff"');

  await page.getByLabel('Export theme').selectOption('dark');
  const [dark] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  const darkText = readFileSync(await dark.path(), 'utf8');
  expect(darkText).toContain('fill="#0b1020"');
  for (const words of legend) expect(darkText).toContain(`>${words}</text>`);

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('app_1-to-app_2-linkage-change.png');
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  // Twice the SVG's own size, as the Linkage view's PNG.
  const svgWidth = Number(/width="(\d+)"/.exec(darkText)?.[1]);
  expect(bytes.readUInt32BE(16)).toBe(2 * svgWidth);

  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByText('Copied the Markdown.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(readFileSync(join(DIR, 'golden/app-1--app-2.md.txt'), 'utf8'));
});

test('two images of one archive: a base bump shares no layer', async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(DIR, 'pairs.docker-archive.tar.gz'));
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByLabel('Old').selectOption({ label: 'localhost/app:1 · linux/amd64' });
  await page.getByLabel('New').selectOption({ label: 'localhost/app-rebased:1 · linux/amd64' });
  await expect(page.getByTestId('compare-summary')).toContainText(
    'localhost/app:1 → localhost/app-rebased:1',
    {
      timeout: 30_000,
    },
  );
  await expect(page.getByRole('region', { name: 'Layers' })).toContainText('The images share no layers.');
  await expect(page.getByRole('table', { name: 'Upgraded packages' })).toContainText('strata-base12');
  await expect(page.getByText('No library link was added or removed.')).toBeVisible();
});
