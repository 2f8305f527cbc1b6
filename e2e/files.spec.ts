/** What each layer changed, in Chromium: pick layers, search, path history, contents, compare, download, waste. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openImage } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/archives');
const SAMPLE = join(import.meta.dirname, '../public/samples/sample.tar');

const tree = (page: Page) => page.getByRole('tree', { name: 'Files' });
const item = (page: Page, path: string) => tree(page).locator(`[role=treeitem][data-path="${path}"]`);

async function openFiles(page: Page, archive: string): Promise<void> {
  await page.goto('/');
  await openImage(page, archive);
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(tree(page)).toBeVisible();
}

test('pick a layer and see what it changed', async ({ page }) => {
  await openFiles(page, join(FIXTURES, 'podman-docker-archive.tar'));
  await page.getByRole('navigation', { name: 'Layer' }).getByRole('button', { name: /^L1/ }).click();
  await expect(page.getByLabel('Change counts')).toContainText('+1');
  await item(page, '/etc').click();
  await expect(item(page, '/etc/added.txt')).toContainText('added.txt');
  await expect(item(page, '/etc/added.txt').locator('.tree__mark')).toHaveText('A');
  // The top layer removes it again: shown struck through as removed.
  await page.getByRole('navigation', { name: 'Layer' }).getByRole('button', { name: /^L5/ }).click();
  await expect(item(page, '/etc/added.txt').locator('.tree__mark')).toHaveText('D');
});

test('search a path across layers and see its history', async ({ page }) => {
  await openFiles(page, join(FIXTURES, 'podman-docker-archive.tar'));
  await page.getByLabel('Search paths').fill('os-release');
  await page
    .getByRole('list', { name: 'Search results' })
    .getByRole('button', { name: /\/etc\/os-release/ })
    .click();
  const history = page.getByRole('list', { name: 'Path history' });
  await expect(history.locator('li')).toHaveCount(2);
  await expect(history.locator('li').first()).toContainText('L0 added');
  await expect(history.locator('li').nth(1)).toContainText('L5 modified');
  await expect(page.getByLabel('File contents')).toContainText('ID=strata-fixture');
});

test('a binary file shows as hex, and downloads byte for byte', async ({ page }) => {
  await openFiles(page, SAMPLE);
  await page.getByRole('button', { name: 'Merged tree' }).click();
  await page.getByLabel('Search paths').fill('/usr/bin/curl');
  await page.getByLabel('Search mode').selectOption('glob');
  await page
    .getByRole('list', { name: 'Search results' })
    .getByRole('button', { name: /^\/usr\/bin\/curl / })
    .click();
  const contents = page.getByLabel('File contents');
  await expect(contents).toContainText('ELF binary');
  await expect(contents.locator('.content__hex')).toContainText('00000000  7f 45 4c 46');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    contents.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('curl');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
  expect(bytes.length).toBeGreaterThan(100_000);
});

test('compare two layers as one change set', async ({ page }) => {
  await openFiles(page, join(FIXTURES, 'podman-docker-archive.tar'));
  await page.getByRole('navigation', { name: 'Layer' }).getByRole('button', { name: /^L4/ }).click();
  const alone = await page.getByLabel('Change counts').textContent();
  await page.getByLabel('Compare from layer').selectOption('L1');
  await expect(page.getByLabel('Change counts')).not.toHaveText(alone!);
  await item(page, '/etc').click();
  await expect(item(page, '/etc/added.txt')).toBeVisible();
});

test('the merged tree shows permissions, owners and special bits', async ({ page }) => {
  await openFiles(page, join(FIXTURES, 'podman-docker-archive.tar'));
  await page.getByRole('button', { name: 'Merged tree' }).click();
  await expect(item(page, '/tmp')).toContainText('drwxrwxrwt');
});

test('the waste view gives dive figures and the corrected one', async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(FIXTURES, 'podman-docker-archive.tar'));
  await page.getByRole('tab', { name: 'Waste' }).click();
  const figures = page.getByRole('region', { name: 'Wasted space' });
  await expect(figures).toContainText('Efficiency (dive)');
  await expect(figures).toContainText('Hidden bytes (corrected)');
  await expect(page.getByRole('region', { name: 'Largest hidden files' })).toContainText('/etc/os-release');
});

test('filter by content kind: only ELF files, each with its owning package', async ({ page }) => {
  await openFiles(page, SAMPLE);
  await page.getByRole('button', { name: 'Merged tree' }).click();
  await page.getByLabel('elf').check();
  await item(page, '/usr').click();
  await item(page, '/usr/bin').click();
  await expect(item(page, '/usr/bin/curl')).toBeVisible();
  await expect(item(page, '/usr/bin/curl')).toContainText('curl');
  // Scripts and text files are filtered out (c_rehash is a shell script of openssl).
  await expect(item(page, '/usr/bin/c_rehash')).toHaveCount(0);
  await expect(item(page, '/usr/bin/curl').locator('.tree__owner-pkg')).toHaveText('curl');
});

test('"show more" in a big directory keeps the scroll position', async ({ page }) => {
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { execFileSync } = await import('node:child_process');
  const { createHash } = await import('node:crypto');
  const dir = mkdtempSync(join(tmpdir(), 'strata-big-dir-'));
  mkdirSync(join(dir, 'root/big'), { recursive: true });
  for (let i = 0; i < 2600; i++) writeFileSync(join(dir, 'root/big', `f${String(i).padStart(5, '0')}`), '');
  execFileSync('tar', ['-C', join(dir, 'root'), '-cf', join(dir, 'layer.tar'), 'big']);
  const layer = readFileSync(join(dir, 'layer.tar'));
  const config = JSON.stringify({
    os: 'linux',
    architecture: 'amd64',
    rootfs: { type: 'layers', diff_ids: [`sha256:${createHash('sha256').update(layer).digest('hex')}`] },
  });
  mkdirSync(join(dir, 'image'));
  writeFileSync(join(dir, 'image/config.json'), config);
  writeFileSync(join(dir, 'image/layer.tar'), layer);
  writeFileSync(
    join(dir, 'image/manifest.json'),
    JSON.stringify([{ Config: 'config.json', RepoTags: ['localhost/big:1'], Layers: ['layer.tar'] }]),
  );
  execFileSync('tar', [
    '-C',
    join(dir, 'image'),
    '-cf',
    join(dir, 'big.tar'),
    'manifest.json',
    'config.json',
    'layer.tar',
  ]);

  await openFiles(page, join(dir, 'big.tar'));
  await page.getByRole('button', { name: 'Merged tree' }).click();
  await item(page, '/big').click();
  // The list is virtualized: scroll to its end to bring the "show more" row into the DOM.
  await expect(item(page, '/big/f00000')).toBeAttached();
  await tree(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const more = tree(page).getByRole('button', { name: /600 more entries — show more/ });
  await expect(more).toBeVisible();
  const before = await tree(page).evaluate((el) => el.scrollTop);
  expect(before).toBeGreaterThan(1000);
  await more.click();
  // The longer page arrives with the view where it was, and the rest is below it.
  await expect(more).toHaveCount(0);
  expect(await tree(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  await expect(item(page, '/big/f01990')).toBeAttached();
  await tree(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(item(page, '/big/f02599')).toBeAttached();
});
