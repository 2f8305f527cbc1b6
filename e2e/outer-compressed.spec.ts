/**
 * `docker save | gzip` and `.tar.zst` in Chromium: after the one decoding pass every view reads the image
 * like a plain tar (the decoded archive is kept in the Origin Private File System), and closing the archive
 * deletes that copy. The compressed archives are made here from the committed sample and fixtures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openImage } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/archives');
const SAMPLE = join(import.meta.dirname, '../public/samples/sample.tar');

let work = '';
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'strata-e2e-outer-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

function gzipped(plain: string): string {
  const out = join(work, `${plain.split('/').pop()}.gz`);
  execFileSync('sh', ['-c', `gzip -1 -c < '${plain}' > '${out}'`]);
  return out;
}

function zstded(plain: string): string {
  const out = join(work, `${plain.split('/').pop()}.zst`);
  execFileSync('zstd', ['-q', '-f', '-o', out, plain]);
  return out;
}

async function spilledFiles(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('strata-spill', { create: true });
    let n = 0;
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) if (name) n++;
    return n;
  });
}

test('docker save | gzip: file contents, Packages and Linkage', async ({ page }) => {
  await page.goto('/');
  await openImage(page, gzipped(SAMPLE));
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.getByRole('button', { name: 'Merged tree' }).click();
  await page.getByLabel('Search paths').fill('os-release');
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
  await expect(page.getByLabel('File contents')).toContainText('Debian GNU/Linux 12');

  await page.getByRole('tab', { name: 'Packages' }).click();
  await expect(page.getByRole('region', { name: 'Packages' })).toContainText('49 dpkg packages');

  await page.getByRole('tab', { name: 'Linkage' }).click();
  await expect(page.getByTestId('linkage-picture')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Search nodes').fill('bin/curl');
  await page.getByRole('button', { name: 'Focus' }).click();
  await expect(page.getByLabel('ldd output')).toContainText(
    'libcurl.so.4 => /usr/lib/x86_64-linux-gnu/libcurl.so.4',
  );
  expect(await spilledFiles(page)).toBe(1);
});

for (const [name, pack] of [
  ['estargz layers inside .tar.gz', () => gzipped(join(FIXTURES, 'synthetic-estargz-oci-archive.tar'))],
  [
    'zstd:chunked layers inside .tar.zst',
    () => zstded(join(FIXTURES, 'podman-zstd-chunked-oci-archive.tar')),
  ],
  ['gzip layers inside .tar.zst', () => zstded(join(FIXTURES, 'podman-oci-archive.tar'))],
] as const) {
  test(`${name}: a file's contents`, async ({ page }) => {
    await page.goto('/');
    await openImage(page, pack());
    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByLabel('Search paths').fill('os-release');
    await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
    await expect(page.getByLabel('File contents')).toContainText('ID=');
    await expect(page.getByLabel('File contents')).not.toContainText('cannot be read');
  });
}
