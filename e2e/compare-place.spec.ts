/**
 * The Compare view's directories (the table of changes per directory, a click filters the changed files) and
 * its place in the URL: each old/new pick a history entry, Back and Forward restore it, and a link opened
 * before its images names them and compares them once they are open.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openImage, waitForState } from './helpers';

const DIR = join(import.meta.dirname, '../fixtures/compare');
const PAIRS = join(DIR, 'pairs.docker-archive.tar.gz');

const summary = (page: Page) => page.getByTestId('compare-summary');

test('directories: changes per directory, and a click lists that directory’s changed files', async ({
  page,
}) => {
  await page.goto('/');
  await openImage(page, join(DIR, 'app-1.oci-archive.tar'));
  await openImage(page, join(DIR, 'app-2.docker-archive.tar.gz'));
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(summary(page)).toContainText('localhost/app:1 → localhost/app:2', { timeout: 30_000 });
  const directories = page.getByRole('table', { name: 'Changes per directory' });
  // Sorted by net bytes: the new setuid helper, then the libraries that went away.
  await expect(directories.locator('tbody tr').first()).toContainText('/usr/sbin');
  await expect(directories.locator('tbody tr').nth(1)).toContainText('/usr/lib102−13.8 kB');
  const files = page.getByRole('table', { name: 'Changed files' });
  await expect(files).toContainText('/usr/sbin/strata-helper');

  await directories.getByRole('button', { name: '/var/lib' }).click();
  await expect(page.getByRole('heading', { name: /Changed files in \/var\/lib/ })).toBeVisible();
  await expect(files).toContainText('/var/lib/dpkg/status');
  await expect(files).not.toContainText('/usr/sbin/strata-helper');
  await expect(files.locator('tbody tr')).toHaveCount(17);

  await page.getByRole('button', { name: 'Show all directories' }).click();
  await expect(files).toContainText('/usr/sbin/strata-helper');
});

test('the compared images are in the URL: Back and Forward restore the pick', async ({ page }) => {
  await page.goto('/');
  await openImage(page, PAIRS);
  await page.getByRole('tab', { name: 'Compare' }).click();
  const oldPicker = page.getByLabel('Old');
  const newPicker = page.getByLabel('New');
  // The default pair is written into the URL in place, not as a new entry.
  await expect(page).toHaveURL(/view=compare.*&old=sha256%3A[0-9a-f]{64}.*&new=sha256%3A/);
  await newPicker.selectOption({ label: 'localhost/app-rebased:1 · linux/amd64' });
  await oldPicker.selectOption({ label: 'localhost/app:1 · linux/amd64' });
  await expect(summary(page)).toContainText('localhost/app:1 → localhost/app-rebased:1', { timeout: 30_000 });
  await newPicker.selectOption({ label: 'localhost/static:1 · linux/amd64' });
  await expect(summary(page)).toContainText('localhost/app:1 → localhost/static:1', { timeout: 30_000 });
  await expect(page).toHaveURL(/newname=localhost%2Fstatic%3A1/);

  await page.goBack();
  await expect(newPicker.locator('option:checked')).toHaveText('localhost/app-rebased:1 · linux/amd64');
  await expect(summary(page)).toContainText('localhost/app:1 → localhost/app-rebased:1');
  await page.goForward();
  await expect(newPicker.locator('option:checked')).toHaveText('localhost/static:1 · linux/amd64');
  await expect(summary(page)).toContainText('localhost/app:1 → localhost/static:1');
});

test('a link to a comparison names both images before they are open, then compares them', async ({
  page,
}) => {
  await page.goto('/');
  await openImage(page, PAIRS);
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByLabel('New').selectOption({ label: 'localhost/app-rebased:1 · linux/amd64' });
  await page.getByLabel('Old').selectOption({ label: 'localhost/static:1 · linux/amd64' });
  await expect(summary(page)).toContainText('localhost/static:1 → localhost/app-rebased:1', {
    timeout: 30_000,
  });
  const link = page.url();

  const other = await page.context().newPage();
  await other.goto(link);
  await waitForState(other, 'empty');
  await expect(other.getByRole('status').filter({ hasText: 'It compares' })).toContainText(
    'It compares localhost/static:1 (old) with localhost/app-rebased:1 (new).',
  );
  await openImage(other, PAIRS);
  await expect(other.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  await expect(summary(other)).toContainText('localhost/static:1 → localhost/app-rebased:1', {
    timeout: 30_000,
  });
});
