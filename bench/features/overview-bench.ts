/**
 * The grouped whole-image overview in the page, shared by the linkage bench (its image) and run on the sample:
 * click Linkage → the overview's picture once warm (after leaving for the Files tab), then ~5 s of wheel
 * scrolling over the picture with main-thread long tasks recorded.
 */
import type { Page } from '@playwright/test';
import { report } from './measure';
import { describeLongTasks, longTasksDuring, timeClickTo } from './page-session';

export async function overviewWarmAndScroll(page: Page, label: string): Promise<void> {
  await page.getByRole('tab', { name: 'Files' }).click();
  const warm = await timeClickTo(
    page,
    page.getByRole('tab', { name: 'Linkage' }),
    '[data-testid="linkage-picture"] svg',
  );
  report(
    `page ${label}: Linkage click → overview picture (warm)`,
    warm.foundMs,
    `frame ${warm.frameMs.toFixed(0)} ms`,
  );
  const box = (await page.getByTestId('linkage-picture').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 400) / 2);
  let wheels = 0;
  const tasks = await longTasksDuring(page, async () => {
    const end = Date.now() + 5000;
    while (Date.now() < end) {
      await page.mouse.wheel(wheels % 40 < 20 ? 60 : -60, wheels % 20 < 10 ? 120 : -120);
      wheels++;
    }
  });
  report(`page ${label}: overview scrolled (${wheels} wheel events) ~5 s`, null, describeLongTasks(tasks));
}
