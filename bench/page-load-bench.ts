/**
 * The page while it loads, on archives of growing size: peak memory of all the page's workers together
 * (CDP, every layer worker followed: heap + ArrayBuffers) and the renderer's peak RSS (VmHWM from /proc,
 * page and workers are threads of that one process), the time to the first Layers row and to "ready",
 * main-thread long tasks (> 50 ms) while loading, and the Files tab's first tree row after "ready" (with the
 * long tasks of that step). Long tasks are wall time, which on a loaded machine is mostly waiting for a core,
 * so a Chromium trace also gives each main-thread task's CPU time (e2e/main-thread-trace.ts). A CPU profile of the main thread says what each long task was made of
 * (run/main-thread-profile.ts; `--no-profile` leaves it out, the sampler costs a little time).
 * `--hostile` adds the fuzzer's worst cases for the page (e2e/hostile-archives.ts: a path 10,000 deep,
 * a zstd bomb, a config of 20,000 Env entries and labels), which must never hold the main thread 200 ms.
 * One run per archive, in the order given; memory is also given as a ratio to the first archive's.
 * Prints a table and writes bench/out/page-load.json. Never pass/fail: the numbers are for people.
 *
 * Run: npx tsx bench/page-load-bench.ts [ARCHIVE...] [--hostile] [--no-profile] [--out bench/out] [--reuse-site]
 * e.g. the 300m OCI archive, then the 2g OCI and docker archives of `make-archive.ts --size 2G`.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { writeDeepPath, writeWideConfig, writeZstdBomb } from '../e2e/hostile-archives';
import { buildSites } from './run/build-sites';
import type { ProfiledTask } from './run/main-thread-profile';
import { runPage, type PageRun } from './run/page-run';
import { serveFolder } from './run/static-server';
import { fixed, mb, textTable } from './run/stats';

/** Format version of page-load.json. */
const RESULTS_VERSION = 2;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outDir = resolve(outAt >= 0 ? (args[outAt + 1] ?? 'bench/out') : 'bench/out');
  const archives = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  const hostileDir = args.includes('--hostile') ? mkdtempSync(join(tmpdir(), 'strata-hostile-')) : null;
  if (hostileDir !== null)
    archives.push(writeDeepPath(hostileDir), writeZstdBomb(hostileDir), writeWideConfig(hostileDir));
  if (archives.length === 0)
    throw new Error(
      'usage: npx tsx bench/page-load-bench.ts [ARCHIVE...] [--hostile] [--no-profile] [--out DIR]',
    );
  for (const a of archives) if (!existsSync(a)) throw new Error(`${a} does not exist; make it first.`);
  const log = (line: string) => console.error(`[page-load] ${line}`);
  const site = resolve(outDir, 'site');
  if (!args.includes('--reuse-site') || !existsSync(join(site, 'index.html'))) {
    log('building the app');
    await buildSites(outDir);
  }
  const server = await serveFolder(site);
  const executablePath = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    ...(existsSync(executablePath) ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const runs: { archive: string; bytes: number; load: [number, number]; run: PageRun }[] = [];
  try {
    for (const archive of archives) {
      const before = loadavg()[0] ?? 0;
      const run = await runPage(browser, server.url, archive, {
        filesTree: true,
        trace: true,
        ...(args.includes('--no-profile') ? {} : { profile: site }),
      });
      runs.push({ archive, bytes: statSync(archive).size, load: [before, loadavg()[0] ?? 0], run });
      log(
        `${archive}: ready ${fixed(run.readyMs / 1000, 2)} s, workers ${fixed(mb(run.worker.peakHeapPlusBuffers))} MB`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    if (hostileDir !== null) rmSync(hostileDir, { recursive: true, force: true });
  }
  const first = runs[0]!.run.worker.peakHeapPlusBuffers;
  console.log(
    textTable(
      [
        'archive',
        'MB',
        'first row s',
        'ready s',
        'long tasks',
        'max ms',
        'total ms',
        'Files tree s',
        'its tasks (max ms)',
        'CPU: tasks > 50 ms',
        'max ms',
        'Files max ms',
        'workers peak MB',
        '÷ first',
        'kept after GC MB',
        'renderer RSS MB',
        'load avg',
      ],
      runs.map(({ archive, bytes, load, run }) => [
        archive.split('/').pop()!,
        fixed(mb(bytes)),
        fixed(run.firstRowMs / 1000, 2),
        fixed(run.readyMs / 1000, 2),
        String(run.longTasks.count),
        fixed(run.longTasks.maxMs, 0),
        fixed(run.longTasks.totalMs, 0),
        run.filesTreeMs === null ? '–' : fixed(run.filesTreeMs / 1000, 2),
        run.filesTasks === null ? '–' : `${run.filesTasks.count} (${fixed(run.filesTasks.maxMs, 0)})`,
        run.cpu?.loading ? String(run.cpu.loading.longCpuCount) : '–',
        run.cpu?.loading ? fixed(run.cpu.loading.maxCpuMs, 0) : '–',
        run.cpu?.files ? fixed(run.cpu.files.maxCpuMs, 0) : '–',
        fixed(mb(run.worker.peakHeapPlusBuffers)),
        `${fixed(run.worker.peakHeapPlusBuffers / first, 2)}×`,
        fixed(mb(run.worker.retainedHeapPlusBuffers)),
        run.rendererPeakRss === null ? '–' : fixed(mb(run.rendererPeakRss)),
        `${fixed(load[0], 1)}–${fixed(load[1], 1)}`,
      ]),
    ),
  );
  for (const { archive, run } of runs) console.log(describeTasks(archive.split('/').pop()!, run.profiled));
  const file = join(outDir, 'page-load.json');
  writeFileSync(
    file,
    JSON.stringify(
      { version: RESULTS_VERSION, date: new Date().toISOString(), cpus: cpus().length, runs },
      null,
      2,
    ) + '\n',
  );
  console.log(`${cpus().length} cores; results: ${file}`);
}

/** The longest tasks of a run, each with where its time went (self time, then the app file it ran under). */
function describeTasks(name: string, tasks: readonly ProfiledTask[]): string {
  if (tasks.length === 0) return `\n${name}: no long task`;
  const ms = (shares: ProfiledTask['self']) => shares.map((s) => `${s.name} ${fixed(s.ms, 0)}`).join(', ');
  const longest = [...tasks].sort((a, b) => b.duration - a.duration).slice(0, 8);
  return [
    `\n${name}: the ${longest.length} longest of ${tasks.length} long tasks (ms since the start of the page)`,
    ...longest.map(
      (t) =>
        `  ${fixed(t.duration, 0)} ms at ${fixed(t.start, 0)}\n    self: ${ms(t.self)}\n    functions: ${ms(t.functions)}\n    via: ${ms(t.via)}`,
    ),
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
