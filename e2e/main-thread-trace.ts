/**
 * The page's main-thread tasks from a Chromium trace, with the CPU time of each (`tdur`) beside its wall
 * time (`dur`). On a loaded machine a task's wall time is mostly the thread waiting for a core (the
 * PerformanceObserver's long tasks are wall time); its CPU time is what the same task costs on a quiet
 * machine, to within cache effects. Windows are cut by `performance.mark()`s named `bench:…` that the
 * page runner (bench/run/page-run.ts) or a test (`markTrace`) sets: user timing shows in the trace on the
 * trace's own clock. e2e/hostile.spec.ts bounds the CPU time; bench/page-load-bench.ts reports both.
 */
import type { Browser, Page } from '@playwright/test';

export interface TaskTimes {
  /** Tasks over 50 ms of wall time. */
  readonly longCount: number;
  readonly maxWallMs: number;
  /** Tasks over 50 ms of CPU time, and the most CPU time of one task. */
  readonly longCpuCount: number;
  readonly maxCpuMs: number;
  readonly totalCpuMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const LONG_MS = 50;

/** A mark in the page's timeline that a window of stopTrace can start or end at. */
export async function markTrace(page: Page, name: `bench:${string}`): Promise<void> {
  await page.evaluate((mark) => void performance.mark(mark), name);
}

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, {
    categories: ['disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing', '__metadata'],
  });
}

/** Stops the trace and sums the page's main-thread tasks between each pair of marks. */
export async function stopTrace(
  browser: Browser,
  windows: readonly (readonly [from: string, to: string])[],
): Promise<(TaskTimes | null)[]> {
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const marks = new Map<string, TraceEvent>();
  for (const e of events) if (e.name.startsWith('bench:') && !marks.has(e.name)) marks.set(e.name, e);
  const anyMark = marks.values().next().value;
  if (anyMark === undefined) return windows.map(() => null);
  // The page's main thread: CrRendererMain of the process that set the marks.
  const main = events.find(
    (e) =>
      e.ph === 'M' && e.name === 'thread_name' && e.pid === anyMark.pid && e.args?.name === 'CrRendererMain',
  );
  // Chromium names its task events one way or the other by version; one name, so none is counted twice.
  const taskName = events.some((e) => e.name === 'RunTask') ? 'RunTask' : 'ThreadControllerImpl::RunTask';
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.name === taskName &&
      e.pid === anyMark.pid &&
      (main === undefined || e.tid === main.tid),
  );
  return windows.map(([from, to]) => {
    const start = marks.get(from)?.ts;
    const end = marks.get(to)?.ts;
    if (start === undefined || end === undefined) return null;
    const inside = tasks.filter((t) => t.ts + (t.dur ?? 0) >= start && t.ts <= end);
    const wall = inside.map((t) => (t.dur ?? 0) / 1000);
    const cpu = inside.map((t) => (t.tdur ?? t.dur ?? 0) / 1000);
    return {
      longCount: wall.filter((ms) => ms > LONG_MS).length,
      maxWallMs: Math.max(0, ...wall),
      longCpuCount: cpu.filter((ms) => ms > LONG_MS).length,
      maxCpuMs: Math.max(0, ...cpu),
      totalCpuMs: cpu.filter((ms) => ms > LONG_MS).reduce((a, b) => a + b, 0),
    };
  });
}
