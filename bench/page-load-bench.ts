/**
 * The page while it loads, on archives of growing size: peak memory of all the page's workers together
 * (CDP, every layer worker followed: heap + ArrayBuffers) and the renderer's peak RSS (VmHWM from /proc,
 * page and workers are threads of that one process), the time to the first Layers row and to "ready",
 * main-thread long tasks (> 50 ms) while loading, and the Files tab's first tree row after "ready".
 * One run per archive, in the order given; memory is also given as a ratio to the first archive's.
 * Prints a table and writes bench/out/page-load.json. Never pass/fail: the numbers are for people.
 *
 * Run: npx tsx bench/page-load-bench.ts ARCHIVE... [--out bench/out] [--reuse-site]
 * e.g. the 300m OCI archive, then the 2g OCI and docker archives of `make-archive.ts --size 2G`.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { buildSites } from './run/build-sites';
import { runPage, type PageRun } from './run/page-run';
import { serveFolder } from './run/static-server';
import { fixed, mb, textTable } from './run/stats';

/** Format version of page-load.json. */
const RESULTS_VERSION = 1;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outDir = resolve(outAt >= 0 ? (args[outAt + 1] ?? 'bench/out') : 'bench/out');
  const archives = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  if (archives.length === 0)
    throw new Error('usage: npx tsx bench/page-load-bench.ts ARCHIVE... [--out DIR]');
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
      const run = await runPage(browser, server.url, archive, { filesTree: true });
      runs.push({ archive, bytes: statSync(archive).size, load: [before, loadavg()[0] ?? 0], run });
      log(
        `${archive}: ready ${fixed(run.readyMs / 1000, 2)} s, workers ${fixed(mb(run.worker.peakHeapPlusBuffers))} MB`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const first = runs[0]!.run.worker.peakHeapPlusBuffers;
  console.log(
    textTable(
      [
        'archive',
        'MB',
        'first row s',
        'ready s',
        'long tasks (max ms)',
        'Files tree s',
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
        `${run.longTasks.count} (${fixed(run.longTasks.maxMs, 0)})`,
        run.filesTreeMs === null ? '–' : fixed(run.filesTreeMs / 1000, 2),
        fixed(mb(run.worker.peakHeapPlusBuffers)),
        `${fixed(run.worker.peakHeapPlusBuffers / first, 2)}×`,
        fixed(mb(run.worker.retainedHeapPlusBuffers)),
        run.rendererPeakRss === null ? '–' : fixed(mb(run.rendererPeakRss)),
        `${fixed(load[0], 1)}–${fixed(load[1], 1)}`,
      ]),
    ),
  );
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
