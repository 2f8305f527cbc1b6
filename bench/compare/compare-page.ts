/**
 * What a comparison costs in the page, as a user meets it: open OLD, then NEW (each to "ready": every layer read,
 * verified and its contents kept, as the page always indexes), then click the Compare tab and wait for its
 * summary, then for the linkage change picture. Each run is a fresh page of the production build in headless
 * Chromium; times are taken inside the page with performance.now(). Prints one line per run and the medians.
 * Never pass/fail: the numbers are for people (README.md beside this file).
 *
 * Run: npx tsx bench/compare/compare-page.ts OLD NEW [--runs 3] [--reuse-site]
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { openImagePage, startApp, timeClickTo } from '../features/page-session';
import { readFlags } from '../run/flags';

interface PageCompareRun {
  /** Change event of OLD's file input → "ready". */
  readonly oldReadyMs: number;
  /** Change event of NEW's file input → "ready" again. */
  readonly newReadyMs: number;
  /** Compare tab click → the summary line in the DOM, painted. */
  readonly summaryMs: number;
  /** Compare tab click → the linkage change picture's SVG in the DOM. */
  readonly pictureMs: number;
}

declare global {
  interface Window {
    benchSecond?: { change?: number; loading?: boolean; ready?: number; error?: string };
  }
}

async function openSecond(page: Page, archive: string): Promise<number> {
  await page.evaluate(() => {
    const mark: NonNullable<Window['benchSecond']> = {};
    window.benchSecond = mark;
    document
      .querySelector('[data-testid="file-input"]')
      ?.addEventListener('change', () => (mark.change ??= performance.now()), { capture: true, once: true });
    new MutationObserver(() => {
      const state = document.body.dataset.appState;
      if (state === 'loading') mark.loading = true;
      if (state === 'ready' && mark.loading && mark.ready === undefined) mark.ready = performance.now();
      if (state === 'error') mark.error = document.body.innerText.slice(0, 400);
    }).observe(document.body, { attributes: true, attributeFilter: ['data-app-state'] });
  });
  await page.getByTestId('file-input').first().setInputFiles(archive);
  await page.waitForFunction(
    () => window.benchSecond?.ready !== undefined || window.benchSecond?.error !== undefined,
    undefined,
    { timeout: 20 * 60_000, polling: 100 },
  );
  const mark = (await page.evaluate(() => window.benchSecond))!;
  if (mark.error !== undefined) throw new Error(`The page did not open ${archive}: ${mark.error}`);
  return mark.ready! - mark.change!;
}

async function main(): Promise<void> {
  // The two archives first, then the flags, as worker-profile.ts takes its archive.
  const [oldPath, newPath, ...rest] = process.argv.slice(2);
  if (oldPath === undefined || newPath === undefined || [oldPath, newPath].some((a) => a.startsWith('--'))) {
    console.error('usage: npx tsx bench/compare/compare-page.ts OLD NEW [--runs 3] [--reuse-site]');
    process.exit(2);
  }
  const flags = readFlags(
    rest.filter((arg) => arg !== '--reuse-site'),
    ['runs'],
  );
  const runs = Number(flags.get('runs') ?? 3);
  const app = await startApp(rest.includes('--reuse-site'));
  const results: PageCompareRun[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  try {
    for (let run = 1; run <= runs; run++) {
      const { page, readyMs: oldReadyMs } = await openImagePage(app, oldPath);
      try {
        const newReadyMs = await openSecond(page, newPath);
        const { frameMs: summaryMs } = await timeClickTo(
          page,
          page.getByRole('tab', { name: 'Compare' }),
          '[data-testid="compare-summary"]',
          /→/,
        );
        const pictureAt = await page.waitForFunction(
          () => (document.querySelector('[data-testid="compare-graph"] svg') ? performance.now() : 0),
          undefined,
          { timeout: 10 * 60_000, polling: 50 },
        );
        const pictureMs = (await pictureAt.jsonValue()) - (await clickAt(page));
        const result = { oldReadyMs, newReadyMs, summaryMs, pictureMs };
        results.push(result);
        console.log(
          `run ${run}/${runs}: old ready ${s(oldReadyMs)}, new ready ${s(newReadyMs)}, ` +
            `Compare summary ${s(summaryMs)}, picture ${s(pictureMs)} after the click`,
        );
      } finally {
        await page.context().close();
      }
    }
  } finally {
    await app.close();
  }
  const median = (pick: (r: PageCompareRun) => number) => {
    const sorted = results.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  };
  console.log(
    `median of ${runs}: indexing both ${s(median((r) => r.oldReadyMs + r.newReadyMs))} ` +
      `(old ${s(median((r) => r.oldReadyMs))}, new ${s(median((r) => r.newReadyMs))}); ` +
      `then Compare's summary ${s(median((r) => r.summaryMs))}, its picture ${s(median((r) => r.pictureMs))}; ` +
      `load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`,
  );
}

/** The Compare tab's click time, as timeClickTo recorded it in the page. */
async function clickAt(page: Page): Promise<number> {
  return page.evaluate(() => window.benchMark!.click!);
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

await main();
