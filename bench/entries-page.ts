/**
 * The page with many entries: the archive of bench/entries-bench.ts (one gzip layer of 2,000,000 empty
 * files) opened in headless Chromium as a user picks it, until every layer is read and verified; reports
 * the workers' peak JS heap and heap + ArrayBuffers (CDP, sampled every 100 ms), what they retain once
 * ready, and the renderer's peak RSS. The target is ≤ 1 GB (docs/limits.md).
 *
 *   npx tsx bench/entries-bench.ts --entries 2000000 --commands inspect   # makes the archive
 *   npx tsx bench/entries-page.ts [--entries 2000000]
 *
 * Builds the app into bench/out/entries-site (dist/ is left alone) and serves it on a free port.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { runPage } from './run/page-run';
import { serveFolder } from './run/static-server';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '2000000' } } });
const ROOT = join(import.meta.dirname, '..');
const archive = join(ROOT, `bench/out/entries-${Number(values.entries)}.tar`);
if (!existsSync(archive)) {
  throw new Error(
    `${archive} is missing; make it first: npx tsx bench/entries-bench.ts --entries ${values.entries}`,
  );
}
const siteDir = resolve(ROOT, 'bench/out/entries-site');
await build({
  configFile: resolve(ROOT, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: siteDir, emptyOutDir: true, sourcemap: false },
});
const site = await serveFolder(siteDir);
const executablePath = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';
const browser = await chromium.launch({
  ...(existsSync(executablePath) ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu'],
});
const mb = (n: number | null): string => (n === null ? 'n/a' : `${(n / 1024 / 1024).toFixed(0)} MB`);
try {
  const load = loadavg()[0]!.toFixed(1);
  const run = await runPage(browser, site.url, archive);
  console.log(
    [
      `${Number(values.entries).toLocaleString('en')} empty files in one gzip layer, in Chromium (load ${load})`,
      '',
      '| ready | workers peak heap | peak heap + buffers | retained heap | renderer peak RSS |',
      '| ---: | ---: | ---: | ---: | ---: |',
      `| ${(run.readyMs / 1000).toFixed(1)} s | ${mb(run.worker.peakHeapUsed)} | ${mb(run.worker.peakHeapPlusBuffers)} | ${mb(run.worker.retainedHeap)} | ${mb(run.rendererPeakRss)} |`,
    ].join('\n'),
  );
} finally {
  await browser.close();
  await site.close();
}
