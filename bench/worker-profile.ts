/**
 * Where the page's workers spend their time while one archive loads: a CPU profile (CDP `Profiler`) of
 * every worker (the archive worker, its layer workers and their hash workers) from the drop to "ready",
 * on a build that is not minified so functions keep their names. Prints each worker's busy time and its
 * functions by self time. A profile for people to read, not a benchmark: the sampler slows what it samples.
 *
 * With `--heap on`, a heap snapshot of each worker after the forced GC, written beside the site and summarised
 * (bench/run/heap-summary.ts): what is kept, and the references that keep it.
 *
 * Run: npx tsx bench/worker-profile.ts ARCHIVE [--top 15] [--out bench/out] [--profile disk|private] [--cpu on|off] [--heap off|on] (the archive first)
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import type { CpuProfile } from './features/worker-profile';
import { readFlags } from './run/flags';
import { heapTable, summariseHeap } from './run/heap-summary';
import { serveFolder } from './run/static-server';
import { WorkerMemorySampler } from './run/worker-memory';

/** Self time by function ("name file:line"), in ms, from a CDP profile. */
function selfTimes(profile: CpuProfile): Map<string, number> {
  const names = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    names.set(node.id, file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : functionName);
  }
  const times = new Map<string, number>();
  for (const [i, id] of profile.samples.entries()) {
    const name = names.get(id) ?? '?';
    times.set(name, (times.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  return times;
}

/** A heap snapshot of one worker: its chunks come as events while the command runs. */
async function heapSnapshot(sampler: WorkerMemorySampler, path: string[]): Promise<string> {
  const chunks: string[] = [];
  const session = path.at(-1);
  sampler.onEvent = (from, message) => {
    if (from.at(-1) === session && message.method === 'HeapProfiler.addHeapSnapshotChunk')
      chunks.push(message.params?.chunk ?? '');
  };
  await sampler.send(path, 'HeapProfiler.takeHeapSnapshot', { reportProgress: false }, 120_000);
  sampler.onEvent = undefined;
  return chunks.join('');
}

async function main(): Promise<void> {
  const [archive, ...rest] = process.argv.slice(2);
  const flags = readFlags(rest, ['top', 'out', 'profile', 'cpu', 'heap']);
  if (!archive || !existsSync(archive))
    throw new Error(
      'usage: npx tsx bench/worker-profile.ts ARCHIVE [--top 15] [--out bench/out] [--profile disk|private] [--cpu on|off] [--heap off|on]',
    );
  const top = Number(flags.get('top') ?? 15);
  const site = resolve(flags.get('out') ?? 'bench/out', 'profile-site');
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: site, emptyOutDir: true, sourcemap: false, minify: false },
  });
  const server = await serveFolder(site);
  const executablePath = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';
  const launch = {
    ...(existsSync(executablePath) ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  };
  // A profile on disk, as a user's browser has: a private context keeps the Origin Private File System in
  // the browser process's memory, which makes the spill's writes a different (slower) thing.
  const profileDir =
    flags.get('profile') === 'private' ? undefined : mkdtempSync(join(tmpdir(), 'strata-profile-'));
  const browser = profileDir ? undefined : await chromium.launch(launch);
  const context = profileDir
    ? await chromium.launchPersistentContext(profileDir, launch)
    : await browser!.newContext();
  const load = [loadavg()[0] ?? 0];
  try {
    const page = await context.newPage();
    const sampler = await WorkerMemorySampler.attach(await context.newCDPSession(page));
    const workers: { path: string[]; url: string }[] = [];
    // --cpu off: no profiler, only the time to "ready" (with the same page and browser profile).
    const profiling = flags.get('cpu') !== 'off';
    sampler.onWorker = (path, url) => {
      workers.push({ path, url });
      if (!profiling) return;
      void sampler
        .send(path, 'Profiler.enable')
        .then(() => sampler.send(path, 'Profiler.setSamplingInterval', { interval: 500 }))
        .then(() => sampler.send(path, 'Profiler.start'));
    };
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.appState === 'empty');
    const started = performance.now();
    await page.getByTestId('file-input').first().setInputFiles(archive);
    await page.waitForFunction(
      () => ['ready', 'error'].includes(document.body.dataset.appState ?? ''),
      undefined,
      {
        timeout: 30 * 60_000,
        polling: 100,
      },
    );
    const readyMs = performance.now() - started;
    load.push(loadavg()[0] ?? 0);
    console.log(
      `${archive}: ready after ${(readyMs / 1000).toFixed(2)} s (measured from this process), ` +
        `${cpus().length} cores, load average ${load.map((l) => l.toFixed(1)).join(' → ')}`,
    );
    // What each worker still holds once its garbage is collected (heap + ArrayBuffer backing stores).
    for (const path of sampler.workerPaths()) {
      await sampler.send(path, 'HeapProfiler.collectGarbage', {}, 30_000);
      const usage = (await sampler.send(path, 'Runtime.getHeapUsage'))?.result;
      const url = workers.find((w) => w.path.at(-1) === path.at(-1))?.url ?? `worker ${path.length} deep`;
      if (usage)
        console.log(
          `kept after GC by ${url.split('/').pop()}: heap ${(usage.usedSize / 1e6).toFixed(1)} MB, ` +
            `ArrayBuffers ${((usage.backingStorageSize ?? 0) / 1e6).toFixed(1)} MB`,
        );
      if (flags.get('heap') === 'on') {
        const file = join(site, `${path.length}-${path.at(-1)}.heapsnapshot`);
        const json = await heapSnapshot(sampler, path);
        writeFileSync(file, json);
        console.log(`${file}:\n${heapTable(summariseHeap(json, top))}`);
      }
    }
    for (const worker of workers) {
      const answer = await sampler.send(worker.path, 'Profiler.stop', {}, 60_000);
      const profile = answer?.result?.profile as CpuProfile | undefined;
      if (!profile) continue;
      const times = selfTimes(profile);
      const idle = times.get('(idle)') ?? 0;
      const total = [...times.values()].reduce((a, b) => a + b, 0);
      console.log(
        `\n${worker.url.split('/').pop()} (session ${worker.path.length} deep): ` +
          `${((total - idle) / 1000).toFixed(2)} s busy of ${(total / 1000).toFixed(2)} s profiled`,
      );
      const rows = [...times.entries()].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]);
      for (const [name, ms] of rows.slice(0, top))
        console.log(
          `  ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / (total - idle)).toFixed(1).padStart(5)} %  ${name}`,
        );
    }
  } finally {
    await context.close();
    await browser?.close();
    await server.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
