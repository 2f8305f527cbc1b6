/** The page by keyboard alone: tabs by arrows, Layers and the Files tree by keys, Escape, shortcuts. */
import { expect, test } from '@playwright/test';
import { waitForState } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('open-sample').click();
  await waitForState(page, 'ready');
});

test('focus lands on the Layers table; ↑/↓ move, Enter opens a step and Escape closes it', async ({
  page,
}) => {
  const focused = page.locator(':focus');
  await expect(focused).toHaveClass(/layers__toggle/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.layers__details')).toBeVisible();
  await expect(focused).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(page.locator('.layers__details')).toHaveCount(0);
});

test('the view tabs are one Tab stop and arrows move between them', async ({ page }) => {
  await page.getByRole('tab', { name: 'Layers' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Files' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Files' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Files' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Names' })).toHaveAttribute('aria-selected', 'true');
});

test('the Files tree by keys: → opens, ↓ moves, Enter shows the file, ← closes, Escape closes the panel', async ({
  page,
}) => {
  await page.keyboard.press('2');
  const tree = page.getByRole('tree', { name: 'Files' });
  await tree.focus();
  const active = async () => tree.getAttribute('aria-activedescendant');
  const first = await active();
  expect(first).toBeTruthy();
  await page.keyboard.press('ArrowRight');
  await expect(tree.locator(`[id="${first}"]`)).toHaveAttribute('aria-expanded', 'true');
  // The children arrive from the worker; ↓ before they are drawn moves to the next sibling, as it should.
  await expect(tree.locator('[role="treeitem"][aria-level="2"]').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  const child = await active();
  expect(child).not.toBe(first);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Path' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(active).toBe(first);
  await page.keyboard.press('ArrowLeft');
  await expect(tree.locator(`[id="${first}"]`)).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Path' })).toHaveCount(0);
});

test('shortcuts: ? lists them, digits pick views, / searches, [ and ] step through layers', async ({
  page,
}) => {
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('4');
  await expect(page.getByRole('tab', { name: 'Packages' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('/');
  await expect(page.getByRole('tabpanel').getByRole('searchbox').first()).toBeFocused();
  await page.locator(':focus').blur();
  await page.keyboard.press('2');
  const shown = page.getByRole('navigation', { name: 'Layer' }).locator('[aria-pressed="true"]');
  // Files opens on the sample's biggest layer, L0.
  await expect(shown).toContainText('L0');
  await page.keyboard.press(']');
  await expect(shown).toContainText('L1');
  await page.keyboard.press('[');
  await expect(shown).toContainText('L0');
});
