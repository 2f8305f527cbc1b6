/**
 * Opening an archive the way a user does, without copying its bytes through the test protocol:
 * setInputFiles on a hidden file input (Playwright's locator.drop() copies the bytes and fails on
 * big files), and for drops, a synthetic drop event whose DataTransfer carries that input's File.
 * Tests wait on the app's state signal, never on sleeps.
 */
import { expect, type Page } from '@playwright/test';

export type AppState = 'empty' | 'loading' | 'ready' | 'error';

export async function waitForState(page: Page, state: AppState, timeout = 60_000): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-app-state', state, { timeout });
}

/** Pick the file with the app's own file input. */
export async function openImage(page: Page, path: string, expected: AppState = 'ready'): Promise<void> {
  await page.getByTestId('file-input').first().setInputFiles(path);
  await waitForState(page, expected);
}

/** Drop the file onto the page, as a drag from the desktop would. */
export async function dropImage(page: Page, path: string, expected: AppState = 'ready'): Promise<void> {
  await page.evaluate(() => {
    const carrier = document.createElement('input');
    carrier.type = 'file';
    carrier.id = 'e2e-drop-carrier';
    carrier.style.display = 'none';
    document.body.append(carrier);
  });
  await page.locator('#e2e-drop-carrier').setInputFiles(path);
  await page.evaluate(() => {
    const carrier = document.getElementById('e2e-drop-carrier') as HTMLInputElement;
    const transfer = new DataTransfer();
    for (const file of Array.from(carrier.files ?? [])) transfer.items.add(file);
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    carrier.remove();
  });
  await waitForState(page, expected);
}
