/**
 * Reopening the last archive from a real File System Access handle, kept in IndexedDB the way the
 * page keeps a picked or dropped file's handle. The handle comes from the origin private file system
 * (a picker cannot be driven by a test), holding the sample's bytes under another name, so nothing
 * but the handle can lead the page back to the file.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForState } from './helpers';

test('a reload reopens the archive behind a kept file handle, in the state the URL names', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('open-sample').click();
  await waitForState(page, 'ready');
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.getByRole('navigation', { name: 'Layer' }).getByRole('button', { name: /^L1/ }).click();
  await expect(page).toHaveURL(/layer=1/);
  const link = page.url();

  await keepHandle(page, 'kept-image.tar');

  await page.reload();
  await waitForState(page, 'empty');
  expect(page.url()).toBe(link);
  const reopen = page.getByTestId('reopen-last');
  await expect(reopen).toContainText('kept-image.tar');
  await reopen.click();
  await waitForState(page, 'ready');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('kept-image.tar');
  await expect(page.getByRole('tab', { name: 'Files' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    page.getByRole('navigation', { name: 'Layer' }).locator('[aria-pressed="true"]'),
  ).toContainText('L1');
  await expect(page).toHaveURL(/layer=1/);
});

test('a kept handle whose file is gone says so, in words', async ({ page }) => {
  await page.goto('/');
  await keepHandle(page, 'gone-image.tar');
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('gone-image.tar'));
  await page.reload();
  await page.getByTestId('reopen-last').click();
  await expect(page.getByRole('alert')).toContainText('gone-image.tar');
  await waitForState(page, 'empty');
});

/**
 * What the page does with a picked file's handle (last-archive.ts), with a handle of the test's
 * own: a file in the origin private file system holding the sample's bytes.
 */
async function keepHandle(page: Page, name: string): Promise<void> {
  await page.evaluate(async (name) => {
    const bytes = await (await fetch('samples/sample.tar')).arrayBuffer();
    const root = await navigator.storage.getDirectory();
    const handle = await root.getFileHandle(name, { create: true });
    const writable = await handle.createWritable();
    await writable.write(bytes);
    await writable.close();
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('strata', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('last-archive');
      open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open.'));
      open.onsuccess = () => {
        const tx = open.result.transaction('last-archive', 'readwrite');
        tx.objectStore('last-archive').put({ kind: 'handle', handle }, 'last');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB refused the handle.'));
      };
    });
  }, name);
}
