/** The URL follows the user: Back and Forward retrace views and layers; a link opened before its image waits for it. */
import { expect, test } from '@playwright/test';
import { waitForState } from './helpers';

test('Back and Forward move through views and layers', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('open-sample').click();
  await waitForState(page, 'ready');
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.getByRole('navigation', { name: 'Layer' }).getByRole('button', { name: /^L2/ }).click();
  await page.getByRole('tab', { name: 'Waste' }).click();
  await expect(page).toHaveURL(/view=waste/);
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Files' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/layer=2/);
  await page.goBack();
  await expect(page).not.toHaveURL(/layer=2/);
  await page.goForward();
  await page.goForward();
  await expect(page.getByRole('tab', { name: 'Waste' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveTitle(/Waste/);
});

test('a link opened before its image names it, and applies once it is opened', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('open-sample').click();
  await waitForState(page, 'ready');
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.getByRole('navigation', { name: 'Layer' }).getByRole('button', { name: /^L1/ }).click();
  const link = page.url();
  expect(link).toMatch(/v=2/);

  const other = await page.context().newPage();
  await other.goto(link);
  await waitForState(other, 'empty');
  await expect(other.getByRole('status').filter({ hasText: 'localhost/strata-sample:1' })).toContainText(
    '85ea39e490bf',
  );
  await other.getByTestId('open-sample').click();
  await waitForState(other, 'ready');
  await expect(other.getByRole('tab', { name: 'Files' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    other.getByRole('navigation', { name: 'Layer' }).locator('[aria-pressed="true"]'),
  ).toContainText('L1');
});

test('a reload offers to reopen the last archive', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('open-sample').click();
  await waitForState(page, 'ready');
  await page.goto('/');
  await page.getByTestId('reopen-last').click();
  await waitForState(page, 'ready');
});

test('the page speaks Simplified Chinese to a zh-CN browser, and remembers a switch', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByTestId('open-sample').click();
  await waitForState(page, 'ready');
  await expect(page.getByRole('tab', { name: '文件' })).toBeVisible();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('tab', { name: 'Files' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});
