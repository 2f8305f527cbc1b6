/**
 * The page survives its worker, with two archives open: the worker throws, runs out of memory (allocates until
 * the browser refuses), leaves a rejection uncaught, or is terminated (a killed worker sends no event: the page
 * notices the silence). Each time the page names the archive that failed and why, the other archive keeps
 * working, and Reopen opens the failed one again from the same file.
 *
 * The test hook ships nothing: Playwright runs code inside the page's worker (DevTools evaluation, outside the
 * page's Content-Security-Policy) to make its next `open` fail, and terminates the Worker object an init script
 * keeps. The built page has no debug message, handle or flag.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openImage, waitForState } from './helpers';

const DIR = join(import.meta.dirname, '../fixtures/compare');
const GOOD = 'app-1.oci-archive.tar';
const BAD = 'app-2.docker-archive.tar.gz';

type Sabotage = 'throw' | 'out-of-memory' | 'rejection';

/** Keeps every Worker the page starts, so a test can terminate one as the browser would kill it. */
async function keepWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const kept: Worker[] = [];
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        kept.push(this);
      }
    };
    (window as unknown as { keptWorkers: Worker[] }).keptWorkers = kept;
  });
}

/** Makes the page's worker fail on the next archive it is asked to open. */
async function sabotage(page: Page, how: Sabotage): Promise<void> {
  const worker = page.workers().find((w) => w.url().includes('strata.worker'));
  expect(worker).toBeDefined();
  await worker!.evaluate((how) => {
    // The worker's global scope (the e2e types know the page's only).
    type Handler = (event: MessageEvent<{ type: string }>) => void;
    const scope = self as unknown as { onmessage: Handler };
    const original = scope.onmessage;
    scope.onmessage = (event: MessageEvent<{ type: string }>) => {
      if (event.data.type !== 'open') {
        original.call(scope, event);
        return;
      }
      if (how === 'throw') throw new Error('a test made the worker throw');
      if (how === 'rejection') return void Promise.reject(new Error('a test left this rejection uncaught'));
      // Address space, not touched memory: each buffer is reserved and never written.
      const held: ArrayBuffer[] = [];
      for (let size = 2 ** 28; ; size = Math.min(size * 2, 2 ** 33)) held.push(new ArrayBuffer(size));
    };
  }, how);
}

async function terminate(page: Page): Promise<void> {
  await page.evaluate(() => {
    // The page starts one worker of its own (the layer workers are the worker's).
    (window as unknown as { keptWorkers: Worker[] }).keptWorkers.at(-1)!.terminate();
  });
}

/** The good archive still shows its files; the failed one opens again and compares with it. */
async function survives(page: Page, link: string, sentence: string, compare: boolean): Promise<void> {
  const alert = page.getByRole('alert').filter({ hasText: BAD });
  await expect(alert).toHaveText(`${sentence}Reopen ${BAD}`);
  await page
    .getByRole('navigation', { name: 'Open archives' })
    .getByRole('button', { name: GOOD, exact: true })
    .click();
  await waitForState(page, 'ready');
  // The good archive's link is the one it had before the failure.
  await expect(page).toHaveURL(link);
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByRole('tree', { name: 'Files' })).toBeVisible();
  await expect(alert).toBeVisible();

  await alert.getByRole('button', { name: `Reopen ${BAD}` }).click();
  await waitForState(page, 'ready');
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(BAD);
  if (!compare) return;
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByTestId('compare-summary')).toContainText('localhost/app:1 → localhost/app:2', {
    timeout: 30_000,
  });
}

const STILL_OPEN = 'Your other archives are still open.';

for (const [how, words, compare] of [
  ['throw', 'failed with an unexpected error', true],
  ['out-of-memory', 'ran out of memory', false],
  ['rejection', 'failed with an unexpected error', false],
] as const) {
  test(`a worker that fails (${how}): the archive is named, the other still works, Reopen restores it`, async ({
    page,
  }) => {
    await page.goto('/');
    await openImage(page, join(DIR, GOOD));
    const link = page.url();
    await sabotage(page, how);
    await openImage(page, join(DIR, BAD), 'error');
    await survives(page, link, `Reading ${BAD} ${words}, so it was closed. ${STILL_OPEN}`, compare);
  });
}

test('a terminated worker is noticed by its silence; the other archive still works', async ({ page }) => {
  test.setTimeout(120_000);
  await keepWorkers(page);
  await page.goto('/');
  await openImage(page, join(DIR, GOOD));
  const link = page.url();
  await terminate(page);
  await openImage(page, join(DIR, BAD), 'error');
  await survives(
    page,
    link,
    `Reading ${BAD} stopped answering (the browser may have stopped it), so it was closed. ${STILL_OPEN}`,
    false,
  );
});
