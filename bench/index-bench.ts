/**
 * Indexing speed and memory of strata against the native pipeline, in the same run, on the
 * archives make-archive wrote: GNU tar + gzip (with and without sha256sum), strata's core in Node,
 * and the page in headless Chromium (time to the first Layers row and to "ready", the worker's peak
 * memory over CDP). Then a stage profile (read, gunzip, sha256, tar) in Node and in Chromium.
 * Prints tables and writes bench/out/results.json. Never a pass/fail on time: the numbers are for
 * people to compare.
 *
 * Run: npx tsx bench/index-bench.ts [--sizes 300m,2g] [--runs 3,1]
 *      [--shapes oci,docker,zstd,zstdchunked,gzdocker]
 *      [--stages 300m|none] [--out bench/out]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { metaPath, readMeta } from './archive/archive-meta';
import { buildSites } from './run/build-sites';
import { readFlags } from './run/flags';
import { measureArchive, type ArchiveResult } from './run/measure-archive';
import { measureStages, type StageResult } from './run/measure-stages';
import { measureOuter, outerTable, type OuterResult } from './run/measure-outer';
import { memoryTable, selfTable, stageTable, throughputTable } from './run/report';
import { serveFolder } from './run/static-server';
import { ensureZstdArchive, ZSTD_SHAPES, type ZstdShape } from './archive/zstd-archive';

/** Format version of results.json. */
const RESULTS_VERSION = 2;

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2), ['sizes', 'runs', 'shapes', 'stages', 'out']);
  const outDir = resolve(flags.get('out') ?? 'bench/out');
  const labels = (flags.get('sizes') ?? '300m').toLowerCase().split(',');
  // One count for all sizes, or one per size: `--sizes 300m,2g --runs 3,1`.
  const runCounts = (flags.get('runs') ?? '3').split(',').map(Number);
  const runsFor = (i: number) => runCounts[Math.min(i, runCounts.length - 1)] ?? 3;
  const shapes = (flags.get('shapes') ?? 'oci,docker,zstd,zstdchunked,gzdocker').split(',');
  const stageLabel = (flags.get('stages') ?? labels[0] ?? 'none').toLowerCase();
  const metas = labels.map((label) => {
    const path = metaPath(outDir, label);
    if (!existsSync(path))
      throw new Error(
        `${path} is missing; make it first: npx tsx bench/make-archive.ts --size ${label.toUpperCase()}`,
      );
    return readMeta(path);
  });
  const log = (line: string) => console.error(`[bench] ${line}`);

  log('building the app and the stage page');
  const sites = await buildSites(outDir);
  const site = await serveFolder(sites.site);
  const stageSite = await serveFolder(sites.stageSite);
  const executablePath = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    ...(existsSync(executablePath) ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const results: ArchiveResult[] = [];
  // Other work on the machine slows every runner; the load average says how busy it was.
  const loadBefore = loadavg()[0] ?? 0;
  const stages: StageResult[] = [];
  const outer: OuterResult[] = [];
  try {
    for (const [i, meta] of metas.entries()) {
      // --runs 0 leaves only the stage profile.
      if (runsFor(i) === 0) continue;
      for (const archive of meta.archives.filter((a) => shapes.includes(a.shape))) {
        results.push(await measureArchive(meta, archive, browser, site.url, runsFor(i), log));
        console.log(`\n${throughputTable(results.at(-1)!)}`);
      }
      // The same image with zstd layers, recompressed by skopeo (made once).
      for (const shape of Object.keys(ZSTD_SHAPES) as ZstdShape[]) {
        const archive = shapes.includes(shape) ? ensureZstdArchive(meta, shape, log) : undefined;
        if (!archive) continue;
        results.push(await measureArchive(meta, archive, browser, site.url, runsFor(i), log));
        console.log(`\n${throughputTable(results.at(-1)!)}`);
      }
      // The same docker-archive as `docker save | gzip` gives it.
      const docker = meta.archives.find((a) => a.shape === 'docker');
      if (shapes.includes('gzdocker') && docker) {
        outer.push(await measureOuter(meta.label, docker.path, browser, site.url, runsFor(i), log));
        console.log(`\n${outerTable(outer.at(-1)!)}`);
      }
    }
    for (const meta of metas.filter((m) => m.label === stageLabel)) {
      for (const archive of meta.archives.filter((a) => shapes.includes(a.shape))) {
        if (archive.shape !== 'oci' && archive.shape !== 'docker') continue;
        stages.push(await measureStages(meta.label, archive, browser, stageSite.url, log));
        console.log(`\n${stageTable(stages.at(-1)!)}\n\n${selfTable(stages.at(-1)!)}`);
      }
    }
  } finally {
    await browser.close();
    await site.close();
    await stageSite.close();
  }
  console.log(`\nPeak memory (max over runs)\n${memoryTable(results)}`);
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    chromium: browser.version(),
    loadAverage1mBefore: loadBefore,
    loadAverage1mAfter: loadavg()[0] ?? 0,
  };
  const file = join(outDir, 'results.json');
  writeFileSync(
    file,
    JSON.stringify(
      { version: RESULTS_VERSION, date: new Date().toISOString(), machine, results, outer, stages },
      null,
      2,
    ) + '\n',
  );
  console.log(
    `\n${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, Chromium ${machine.chromium}, ` +
      `load average ${machine.loadAverage1mBefore.toFixed(1)} before, ${machine.loadAverage1mAfter.toFixed(1)} after`,
  );
  console.log(`results: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
