/**
 * The app in headless Chromium for the feature benchmarks: the production build of the checkout
 * served on a free local port, one page per image with a main-thread long-task recorder installed
 * before the app's own scripts (PerformanceObserver 'longtask': tasks over 50 ms, the RAIL limit
 * the issues name). Times are taken inside the page with performance.now().
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { build } from 'vite';
import { serveFolder } from '../run/static-server';

export interface LongTasks {
  readonly count: number;
  readonly maxMs: number;
  readonly totalMs: number;
}

export interface AppPage {
  readonly browser: Browser;
  readonly url: string;
  close(): Promise<void>;
}

/** Build (unless `reuse` and a build exists) and serve the app; launch Debian's Chromium. */
export async function startApp(reuse: boolean): Promise<AppPage> {
  const site = resolve('bench/out/features-site');
  if (!reuse || !existsSync(resolve(site, 'index.html'))) {
    await build({
      configFile: resolve('vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: site, emptyOutDir: true, sourcemap: false },
    });
  }
  const server = await serveFolder(site);
  const browser = await chromium.launch({
    executablePath: process.env['STRATA_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  return {
    browser,
    url: server.url,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

declare global {
  interface Window {
    benchLongTasks?: { start: number; duration: number }[];
    benchMark?: { click?: number; found?: number; frame?: number };
  }
}

/** A fresh page at the app with the long-task recorder; the image is opened and ready. */
export async function openImagePage(
  app: AppPage,
  archive: string,
  look: { colorScheme?: 'light' | 'dark'; locale?: string } = {},
): Promise<{ page: Page; readyMs: number }> {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 }, ...look });
  const page = await context.newPage();
  // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it too.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(() => {
    window.benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.benchLongTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(app.url);
  await page.waitForFunction(() => document.body.dataset.appState === 'empty');
  const start = await page.evaluate(() => performance.now());
  await page.getByTestId('file-input').first().setInputFiles(archive);
  await page.waitForFunction(
    () => ['ready', 'error'].includes(document.body.dataset.appState ?? ''),
    undefined,
    { timeout: 20 * 60_000, polling: 100 },
  );
  const state = await page.evaluate(() => document.body.dataset.appState);
  if (state !== 'ready') {
    const text = await page.evaluate(() => document.body.innerText.slice(0, 400));
    throw new Error(`The page did not open ${archive}: ${text}`);
  }
  const readyMs = (await page.evaluate(() => performance.now())) - start;
  return { page, readyMs };
}

/**
 * Click, then time (in the page) until an element matching `selector` (and `text`, when given) is
 * in the DOM with a non-empty box, and until the next animation frame after that (when it is painted).
 */
export async function timeClickTo(
  page: Page,
  target: Locator,
  selector: string,
  text?: RegExp,
  timeoutMs = 10 * 60_000,
): Promise<{ foundMs: number; frameMs: number }> {
  await page.evaluate(
    ({ selector, source, flags }) => {
      const mark: NonNullable<Window['benchMark']> = {};
      window.benchMark = mark;
      const pattern = source === undefined ? undefined : new RegExp(source, flags);
      document.addEventListener('click', () => (mark.click ??= performance.now()), {
        capture: true,
        once: true,
      });
      const check = (): boolean => {
        if (mark.click === undefined || mark.found !== undefined) return mark.found !== undefined;
        for (const el of document.querySelectorAll(selector)) {
          const box = el.getBoundingClientRect();
          if (box.width > 0 && box.height > 0 && (pattern === undefined || pattern.test(el.textContent))) {
            mark.found = performance.now();
            requestAnimationFrame(() => (mark.frame = performance.now()));
            return true;
          }
        }
        return false;
      };
      const observer = new MutationObserver(() => {
        if (check()) observer.disconnect();
      });
      // Attributes too: a view the page keeps mounted comes back by losing `hidden`, not by being inserted.
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    },
    { selector, source: text?.source, flags: text?.flags },
  );
  await target.click();
  await page.waitForFunction(() => window.benchMark?.frame !== undefined, undefined, {
    timeout: timeoutMs,
    polling: 50,
  });
  const mark = await page.evaluate(() => window.benchMark!);
  return { foundMs: mark.found! - mark.click!, frameMs: mark.frame! - mark.click! };
}

/** Long tasks recorded while `act` runs. */
export async function longTasksDuring(page: Page, act: () => Promise<void>): Promise<LongTasks> {
  const from = await page.evaluate(() => performance.now());
  await act();
  // One more frame so a task that ended with the last input is delivered to the observer.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
  const tasks = await page.evaluate((t) => window.benchLongTasks!.filter((e) => e.start >= t), from);
  return {
    count: tasks.length,
    maxMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    totalMs: Math.round(tasks.reduce((n, t) => n + t.duration, 0)),
  };
}

export function describeLongTasks(t: LongTasks): string {
  return `${t.count} long tasks (max ${t.maxMs} ms, total ${t.totalMs} ms)`;
}
