/** The linkage graph in Chromium: open, search libssl, focus, reverse, export a PNG, reopen a shared link. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { waitForState } from './helpers';

async function openGraph(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await waitForState(page, 'ready');
  if (!hash) await page.getByRole('tab', { name: 'Linkage' }).click();
  await expect(page.getByTestId('graph-canvas')).toBeVisible({ timeout: 30_000 });
}

/** PNG width and height from the IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('search libssl, see what loads it, then what curl loads, with ldd -v beside', async ({ page }) => {
  await openGraph(page);
  await expect(page.getByText(/ELF objects, \d+ load edges/)).toBeVisible();
  await page.getByLabel('Search nodes').fill('libssl');
  await expect(page.getByText('1 found')).toBeVisible();
  await page.getByRole('button', { name: 'Reverse' }).click();
  await expect(
    page.getByText(/Everything that loads \/usr\/lib\/x86_64-linux-gnu\/libssl\.so\.3/),
  ).toBeVisible();
  await expect(page.getByLabel('ldd output')).toContainText(
    'libcrypto.so.3 => /usr/lib/x86_64-linux-gnu/libcrypto.so.3',
  );
  await page.getByLabel('Search nodes').fill('bin/curl');
  await page.getByRole('button', { name: 'Focus' }).click();
  await expect(page.getByText(/What \/usr\/bin\/curl loads, transitively — \d+ objects/)).toBeVisible();
  const ldd = page.getByLabel('ldd output');
  await expect(ldd).toContainText('libcurl.so.4 => /usr/lib/x86_64-linux-gnu/libcurl.so.4');
  await expect(ldd).toContainText('Version information:');
  await expect(page.getByRole('table', { name: 'Why each library was found' })).toContainText(
    '/etc/ld.so.cache',
  );
});

test('export the view as a PNG of the canvas size', async ({ page }) => {
  await openGraph(page);
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PNG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('strata-graph.png');
  const png = readFileSync(await download.path());
  const { width, height } = pngSize(png);
  expect(width).toBe(Math.round(box.width * 2));
  expect(height).toBe(Math.round(box.height * 2));
  expect(png.length).toBeGreaterThan(10_000);
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'SVG' }).click(),
  ]);
  expect(readFileSync(await svg.path(), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
});

test('a shared link reopens the same selection', async ({ page }) => {
  await openGraph(page);
  await page.getByLabel('Search nodes').fill('libssl');
  await page.getByRole('button', { name: 'Reverse' }).click();
  await page.getByRole('button', { name: 'Share link' }).click();
  const hash = new URL(page.url()).hash;
  expect(hash).toContain('v=1');
  expect(hash).toContain('mode=reverse');
  // Someone else opens the link and then the same image.
  const other = await page.context().newPage();
  await openGraph(other, hash);
  await expect(other.getByRole('tab', { name: 'Linkage' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    other.getByText(/Everything that loads \/usr\/lib\/x86_64-linux-gnu\/libssl\.so\.3/),
  ).toBeVisible();
  await expect(other.getByLabel('Search nodes')).toHaveValue('libssl');
});
