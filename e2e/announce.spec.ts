/**
 * The live regions speak the page's language: "ready" when an image is indexed, a view's failed
 * request as it fails, and the archive's own error in the shell's alert, in English and in Chinese.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openImage, waitForState } from './helpers';

const notAnArchive = join(mkdtempSync(join(tmpdir(), 'strata-e2e-')), 'notes.txt');
writeFileSync(notAnArchive, 'just some text\n'.repeat(100));

const languages = [
  {
    locale: 'en-US',
    ready: 'The image is ready.',
    files: 'Files',
    searchPaths: 'Search paths',
    searchMode: 'Search mode',
    viewFailed: 'A view could not be shown:',
    cannotShow: 'This file cannot be shown.',
  },
  {
    locale: 'zh-CN',
    ready: '镜像已就绪。',
    files: '文件',
    searchPaths: '搜索路径',
    searchMode: '搜索方式',
    viewFailed: '某个视图无法显示：',
    cannotShow: '无法显示此文件。',
  },
] as const;

for (const lang of languages) {
  test(`ready and errors are announced in ${lang.locale}`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang.locale });
    const page = await context.newPage();
    await page.goto('/');
    const state = page.getByTestId('announce-state');
    const failure = page.getByTestId('announce-error');
    await expect(state).toHaveAttribute('aria-live', 'polite');
    await expect(failure).toHaveAttribute('aria-live', 'assertive');

    await page.getByTestId('open-sample').click();
    await waitForState(page, 'ready');
    await expect(state).toHaveText(lang.ready);

    // A regular expression that does not compile fails the search request: the view says why, and
    // so does the live region.
    await page.getByRole('tab', { name: lang.files, exact: true }).click();
    await page.getByRole('combobox', { name: lang.searchMode }).selectOption('regex');
    await page.getByRole('searchbox', { name: lang.searchPaths }).fill('(');
    await expect(failure).toContainText(lang.viewFailed);
    await expect(failure).toContainText('(');

    await openImage(page, notAnArchive, 'error');
    await expect(page.getByRole('alert')).toContainText(lang.cannotShow);
    await expect(state).toHaveText('');
    await context.close();
  });
}
