/**
 * No accessibility findings (axe-core, WCAG 2.2 AA and best practice) in any view of the sample,
 * with its panels open, in both themes and both languages.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForState } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function findings(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) => `${where}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ') ?? ''}: ${v.help}`,
  );
}

for (const scheme of ['dark', 'light'] as const) {
  for (const locale of ['en-US', 'zh-CN'] as const) {
    test.describe(`${scheme} ${locale}`, () => {
      test.use({ colorScheme: scheme, locale });
      test('every view, panels open, has no axe findings', async ({ page }) => {
        await page.goto('/');
        await waitForState(page, 'empty');
        const all = await findings(page, 'start');
        await page.getByTestId('open-sample').click();
        await waitForState(page, 'ready');
        // Layers, with a step's details open.
        await page.keyboard.press('Enter');
        await expect(page.locator('.layers__details')).toBeVisible();
        all.push(...(await findings(page, 'layers')));
        const tabs = page.getByRole('tab');
        // Files, with a directory open and the Path panel showing a file.
        await tabs.nth(1).click();
        await page.getByRole('tree').focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await expect(page.locator('.path-panel')).toBeVisible();
        all.push(...(await findings(page, 'files')));
        for (const [i, view] of [
          [2, 'waste'],
          [3, 'packages'],
          [4, 'linkage'],
          [5, 'compare'],
          [6, 'names'],
        ] as const) {
          await tabs.nth(i).click();
          await expect(page.getByRole('tabpanel')).toBeVisible();
          if (view === 'packages') {
            await page.locator('tbody .row-button').first().click();
            await expect(page.locator('.path-panel')).toBeVisible();
          }
          all.push(...(await findings(page, view)));
        }
        await page.keyboard.press('?');
        await expect(page.getByRole('dialog')).toBeVisible();
        all.push(...(await findings(page, 'shortcuts')));
        expect(all).toEqual([]);
      });
    });
  }
}
