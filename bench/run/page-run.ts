/**
 * The page in headless Chromium, opened the way a user picks a file: setInputFiles on the app's own
 * file input (the File is backed by the file on disk; nothing is copied through the test protocol).
 * Times are taken inside the page with performance.now(): from the input's change event to the
 * first row of the Layers table in the DOM, and to appState "ready" (every layer read and verified).
 * Main-thread long tasks (PerformanceObserver 'longtask': over 50 ms) are recorded from the change event
 * to "ready"; with `filesTree`, the Files tab is clicked after "ready" and timed to its first tree row (and
 * the long tasks of that step kept apart); with `profile`, a CPU profile of the main thread says what each of
 * those long tasks was made of (main-thread-profile.ts).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { MainThreadProfiler, type ProfiledTask } from './main-thread-profile';
import { startTrace, stopTrace, type TaskTimes } from '../../e2e/main-thread-trace';
import { WorkerMemorySampler, type WorkerMemory } from './worker-memory';

export interface PageRun {
  readonly firstRowMs: number;
  readonly readyMs: number;
  readonly verifiedLayers: number;
  readonly layerRows: number;
  readonly worker: WorkerMemory;
  /** CPU time of the renderer processes (page, worker, GC) from the change event to ready. */
  readonly rendererCpuMs: number;
  /** Peak resident set of the page's renderer process (VmHWM), worker included. */
  readonly rendererPeakRss: number | null;
  /** Main-thread tasks over 50 ms between the change event and "ready". */
  readonly longTasks: { readonly count: number; readonly maxMs: number; readonly totalMs: number };
  /** Files tab click (after "ready") → first tree row in the DOM; null unless asked for. */
  readonly filesTreeMs: number | null;
  /** Main-thread tasks over 50 ms between that click and the tree row. */
  readonly filesTasks: LongTasks | null;
  /** With `profile`: each long task (loading, then Files) with where its time went. */
  readonly profiled: readonly ProfiledTask[];
  /** What `afterReady` measured; empty without it. */
  readonly afterReady: Record<string, number>;
  /** With `trace`: the main thread's tasks by CPU time while loading and for the Files tree (e2e/main-thread-trace.ts). */
  readonly cpu: { readonly loading: TaskTimes | null; readonly files: TaskTimes | null } | null;
}

export interface LongTasks {
  readonly count: number;
  readonly maxMs: number;
  readonly totalMs: number;
}

export interface PageRunOptions {
  /** Click the Files tab after "ready" and time its first tree row. */
  filesTree?: boolean;
  /** The built site (with source maps): take a CPU profile of the main thread and attribute its long tasks. */
  profile?: string;
  /** Take a Chromium trace for each main-thread task's CPU time. */
  trace?: boolean;
  /** Steps timed after "ready" (the page stays open): each returns its own times, in ms, by name. */
  afterReady?: (page: Page) => Promise<Record<string, number>>;
}

type Task = { start: number; duration: number };

interface Marks {
  change?: number;
  row?: number;
  ready?: number;
  error?: string;
  tasks: Task[];
}

export async function runPage(
  browser: Browser,
  url: string,
  archive: string,
  options: PageRunOptions = {},
): Promise<PageRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const sampler = await WorkerMemorySampler.attach(cdp);
    const rendererPids = (await rendererProcesses(browser)).map((p) => p.id);
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.appState === 'empty');
    await page.evaluate(() => {
      const marks: Marks = { tasks: [] };
      (window as unknown as { benchMarks: typeof marks }).benchMarks = marks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) marks.tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
      const input = document.querySelector('[data-testid="file-input"]');
      input?.addEventListener(
        'change',
        () => {
          if (marks.change !== undefined) return;
          marks.change = performance.now();
          performance.mark('bench:change');
        },
        { capture: true },
      );
      new MutationObserver(() => {
        if (marks.row === undefined && document.querySelector('table[aria-label="Layers"] tbody tr'))
          marks.row = performance.now();
        const state = document.body.dataset.appState;
        if (state === 'ready' && marks.ready === undefined) {
          marks.ready = performance.now();
          performance.mark('bench:ready');
        }
        if (state === 'error') marks.error = document.body.innerText.slice(0, 400);
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-app-state'],
      });
    });
    sampler.start();
    const profiler = options.profile === undefined ? null : await MainThreadProfiler.start(cdp);
    if (options.trace) await startTrace(browser, page);
    const cpuBefore = await rendererProcesses(browser);
    await page.getByTestId('file-input').first().setInputFiles(archive);
    await page.waitForFunction(
      () => {
        const marks = (window as unknown as { benchMarks: Marks }).benchMarks;
        return marks.ready !== undefined || marks.error !== undefined;
      },
      undefined,
      { timeout: 30 * 60_000, polling: 200 },
    );
    const cpuAfter = await rendererProcesses(browser);
    const worker = await sampler.stop();
    if (!sampler.attached) throw new Error('The page started no worker that CDP could attach to.');
    const marks = await page.evaluate(() => (window as unknown as { benchMarks: Marks }).benchMarks);
    if (marks.error !== undefined) throw new Error(`The page ended in its error state: ${marks.error}`);
    const rows = page.locator('table[aria-label="Layers"] tbody tr.layers__row:not(.layers__row--empty)');
    const layerRows = await rows.count();
    const verifiedLayers = await rows.locator('.badge--ok').count();
    const start = marks.change ?? 0;
    const loading = marks.tasks.filter((t) => t.start >= start && t.start <= (marks.ready ?? Infinity));
    const tree = options.filesTree ? await timeFilesTree(page) : null;
    const filesTasks = tree
      ? (await page.evaluate(() => (window as unknown as { benchMarks: Marks }).benchMarks.tasks)).filter(
          (t) => t.start + t.duration >= tree.click && t.start <= tree.row,
        )
      : null;
    const afterReady = options.afterReady ? await options.afterReady(page) : {};
    const profiled = profiler
      ? await profiler.stop([...loading, ...(filesTasks ?? [])], options.profile!)
      : [];
    const [cpuLoading, cpuFiles] = options.trace
      ? await stopTrace(browser, [
          ['bench:change', 'bench:ready'],
          ['bench:click', 'bench:row'],
        ])
      : [];
    return {
      firstRowMs: (marks.row ?? Number.NaN) - start,
      readyMs: (marks.ready ?? Number.NaN) - start,
      verifiedLayers,
      layerRows,
      worker,
      rendererCpuMs: cpuDelta(cpuBefore, cpuAfter),
      rendererPeakRss: peakRss(
        cpuAfter.map((p) => p.id),
        rendererPids,
      ),
      longTasks: summary(loading),
      filesTreeMs: tree ? tree.row - tree.click : null,
      afterReady,
      filesTasks: filesTasks ? summary(filesTasks) : null,
      profiled,
      cpu: options.trace ? { loading: cpuLoading ?? null, files: cpuFiles ?? null } : null,
    };
  } finally {
    await context.close();
  }
}

function summary(tasks: readonly Task[]): LongTasks {
  return {
    count: tasks.length,
    maxMs: Math.max(0, ...tasks.map((t) => t.duration)),
    totalMs: tasks.reduce((sum, t) => sum + t.duration, 0),
  };
}

/** Files tab click → the first tree row in the DOM, both in page time. */
async function timeFilesTree(page: Page): Promise<{ click: number; row: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { benchTree: { click?: number; row?: number } };
    const mark: { click?: number; row?: number } = {};
    w.benchTree = mark;
    document.addEventListener(
      'click',
      () => {
        mark.click ??= performance.now();
        performance.mark('bench:click');
      },
      { capture: true, once: true },
    );
    const observer = new MutationObserver(() => {
      if (mark.click !== undefined && document.querySelector('[role=tree] [role=treeitem]')) {
        mark.row = performance.now();
        performance.mark('bench:row');
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true });
  });
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.waitForFunction(
    () => (window as unknown as { benchTree: { row?: number } }).benchTree.row !== undefined,
    undefined,
    { timeout: 10 * 60_000, polling: 50 },
  );
  return page.evaluate(() => (window as unknown as { benchTree: { click: number; row: number } }).benchTree);
}

interface ProcessCpu {
  readonly id: number;
  /** Cumulative CPU seconds. */
  readonly cpuTime: number;
}

/** Renderer processes and their CPU time, from the browser's SystemInfo domain. */
async function rendererProcesses(browser: Browser): Promise<ProcessCpu[]> {
  const session = await browser.newBrowserCDPSession();
  try {
    const info = await session.send('SystemInfo.getProcessInfo');
    return info.processInfo.filter((p) => p.type === 'renderer');
  } finally {
    await session.detach();
  }
}

function cpuDelta(before: readonly ProcessCpu[], after: readonly ProcessCpu[]): number {
  let seconds = 0;
  for (const p of after) seconds += p.cpuTime - (before.find((b) => b.id === p.id)?.cpuTime ?? 0);
  return seconds * 1000;
}

/** The largest VmHWM among renderers that appeared for this page (Linux /proc only). */
function peakRss(now: readonly number[], before: readonly number[]): number | null {
  const fresh = now.filter((pid) => !before.includes(pid));
  let peak: number | null = null;
  for (const pid of fresh.length > 0 ? fresh : now) {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (kb !== undefined) peak = Math.max(peak ?? 0, Number(kb) * 1024);
    } catch {
      // The process ended; its peak is gone with it.
    }
  }
  return peak;
}
