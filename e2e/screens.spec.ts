/**
 * Every view of the sample, and the Compare view of two images, at three screen sizes, in both themes and both
 * languages: the page never scrolls sideways, and each view is photographed for people to look at
 * (test-results/screens/).
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openImage, waitForState } from './helpers';

const COMPARE = join(import.meta.dirname, '../fixtures/compare');

const SIZES = [
  { name: 'desktop', width: 1400, height: 900 },
  { name: 'laptop', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const VIEWS = ['layers', 'files', 'waste', 'packages', 'linkage', 'compare', 'names'] as const;

async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('open-sample').click();
  await waitForState(page, 'ready');
}

/** The page does not scroll sideways; when it does, the message names the elements that stick out. */
async function noSidewaysScroll(page: Page): Promise<void> {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const clipped = (el: HTMLElement): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    return Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  });
  expect(wide).toEqual([]);
}

for (const size of SIZES) {
  for (const scheme of ['dark', 'light'] as const) {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      test.describe(`${size.name} ${scheme} ${locale}`, () => {
        test.use({ viewport: { width: size.width, height: size.height }, colorScheme: scheme, locale });
        test('every view fits the screen', async ({ page }) => {
          await openSample(page);
          const tabs = page.getByRole('tab');
          await expect(tabs).toHaveCount(VIEWS.length);
          for (const [i, view] of VIEWS.entries()) {
            await tabs.nth(i).click();
            await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
            await expect(page.getByRole('tabpanel')).toBeVisible();
            // Licences arrive after the package list: photograph the table with its column.
            if (view === 'packages')
              await expect(page.getByRole('columnheader', { name: /Licen|许可/ })).toBeVisible();
            // The linkage picture is laid out in the worker: photograph it drawn, not its "laying out" line.
            if (view === 'linkage')
              await expect(page.getByTestId('linkage-picture').locator('svg').first()).toBeVisible({
                timeout: 30_000,
              });
            await noSidewaysScroll(page);
            await page.screenshot({
              path: `test-results/screens/${size.name}-${scheme}-${locale}-${i + 1}-${view}.png`,
              fullPage: size.name === 'phone',
            });
          }
        });
        test('the Compare view of two images fits the screen', async ({ page }) => {
          await page.goto('/');
          await openImage(page, join(COMPARE, 'app-1.oci-archive.tar'));
          await openImage(page, join(COMPARE, 'app-2.docker-archive.tar.gz'));
          await page.getByRole('tab').nth(VIEWS.indexOf('compare')).click();
          const summary = page.getByTestId('compare-summary');
          await expect(summary).toContainText('localhost/app:1 → localhost/app:2', { timeout: 30_000 });
          await expect(page.getByTestId('compare-graph').locator('svg')).toBeVisible({ timeout: 30_000 });
          await noSidewaysScroll(page);
          await page.screenshot({
            path: `test-results/screens/${size.name}-${scheme}-${locale}-8-compare-two-images.png`,
            fullPage: size.name === 'phone',
          });
        });
      });
    }
  }
}
