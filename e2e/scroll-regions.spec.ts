/**
 * Every box that scrolls can be scrolled by keyboard and is named: it takes focus itself or holds
 * something that does (axe's scrollable-region-focusable), at the three screen sizes, with the
 * Files content viewer and the ldd panel open.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForState } from './helpers';

/** Scrolling boxes that neither take focus nor hold a focusable element, or that have no name. */
async function unreachable(page: Page, where: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
    return Array.from(document.querySelectorAll<HTMLElement>('main *'))
      .filter((el) => {
        const style = getComputedStyle(el);
        const scrollsX = /auto|scroll/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
        const scrollsY = /auto|scroll/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
        if (!scrollsX && !scrollsY) return false;
        if (el.tabIndex === 0) return !(el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby'));
        return el.querySelector(focusable) === null;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  });
  return found.map((f) => `${where}: ${f}`);
}

for (const viewport of [
  { width: 1400, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    test('every scrolling box is reachable by keyboard and named', async ({ page }) => {
      // Five views, the linkage resolved among them: more than one view's share of time.
      test.setTimeout(180_000);
      await page.goto('/');
      await page.getByTestId('open-sample').click();
      await waitForState(page, 'ready');
      const all = await unreachable(page, 'layers');
      const tabs = page.getByRole('tab');
      // Files, with a copyright file open in the content viewer.
      await tabs.nth(1).click();
      await page.getByLabel('Search paths').fill('libacl1/copyright');
      await page
        .getByRole('list', { name: 'Search results' })
        .getByRole('button', { name: /libacl1\/copyright/ })
        .first()
        .click();
      await expect(page.getByLabel('File contents')).toContainText('License: LGPL-2+');
      all.push(...(await unreachable(page, 'files')));
      await tabs.nth(2).click();
      await expect(page.getByRole('heading', { name: 'Largest hidden files' })).toBeVisible();
      all.push(...(await unreachable(page, 'waste')));
      await tabs.nth(3).click();
      await expect(page.getByRole('columnheader', { name: 'Licence' })).toBeVisible();
      all.push(...(await unreachable(page, 'packages')));
      // Linkage, with ldd -v of libssl beside the picture.
      await tabs.nth(4).click();
      await expect(page.getByTestId('linkage-picture')).toBeVisible({ timeout: 60_000 });
      await page.getByLabel('Search nodes').fill('libssl');
      await expect(page.getByText('1 found')).toBeVisible();
      await page.getByRole('button', { name: 'Reverse' }).click();
      await expect(page.getByLabel('ldd output')).toContainText('libcrypto.so.3', { timeout: 30_000 });
      all.push(...(await unreachable(page, 'linkage')));
      expect(all).toEqual([]);
    });
  });
}
