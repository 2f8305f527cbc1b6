/**
 * sha256 in headless Chromium, the two ways the page can hash: hash-wasm (incremental, WebAssembly, 1 MiB
 * updates as the hash worker gets them) and WebCrypto's one-shot `crypto.subtle.digest` (BoringSSL, which
 * uses the CPU's SHA extensions where it has them), on the same bytes at several sizes, in a dedicated
 * worker as the page's layer and hash workers are. Throughput is bytes over the page's own wall time (the
 * median of the runs) and over the renderer's CPU time (CDP `SystemInfo.getProcessInfo`, every run of one way
 * together: WebCrypto hashes on a thread of its own, which wall time on a loaded machine hides); the load
 * average is printed with them. Never a pass/fail: the numbers are for people.
 *
 * Run: npx tsx bench/sha256-bench.ts [--sizes 1,4,16,64] [--runs 5]   (sizes in MiB)
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFlags } from './run/flags';
import { withBenchPage } from './run/bench-page';

const MIB = 1024 * 1024;

/**
 * The worker: `{ bytes }` fills its buffer with random bytes; `{ way, runs }` hashes it `runs` times one way
 * and answers the times in ms and the last digest.
 */
const WORKER = `
importScripts('sha256.umd.min.js');
const UPDATE = ${MIB};
let data;
self.onmessage = async (event) => {
  const { bytes, way, runs } = event.data;
  if (bytes !== undefined) {
    data = new Uint8Array(bytes);
    for (let at = 0; at < bytes; at += 65536) crypto.getRandomValues(data.subarray(at, Math.min(bytes, at + 65536)));
    self.postMessage({});
    return;
  }
  const hasher = await hashwasm.createSHA256();
  const times = [];
  let hex = '';
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    if (way === 'wasm') {
      hasher.init();
      for (let at = 0; at < data.length; at += UPDATE) hasher.update(data.subarray(at, at + UPDATE));
      hex = hasher.digest('hex');
    } else {
      const digest = await crypto.subtle.digest('SHA-256', data);
      hex = Array.from(new Uint8Array(digest), (x) => x.toString(16).padStart(2, '0')).join('');
    }
    times.push(performance.now() - start);
  }
  self.postMessage({ times, hex });
};
`;

interface Answer {
  readonly times: number[];
  readonly hex: string;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2), ['sizes', 'runs']);
  const sizes = (flags.get('sizes') ?? '1,4,16,64').split(',').map(Number);
  const runs = Number(flags.get('runs') ?? 5);
  const site = mkdtempSync(join(tmpdir(), 'strata-sha256-bench-'));
  try {
    copyFileSync('node_modules/hash-wasm/dist/sha256.umd.min.js', join(site, 'sha256.umd.min.js'));
    writeFileSync(join(site, 'worker.js'), WORKER);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>sha256</title>');
    const loadBefore = loadavg()[0] ?? 0;
    await withBenchPage(site, async ({ page, url, rendererCpu }) => {
      await page.goto(url);
      await page.evaluate(() => {
        const worker = new Worker('worker.js');
        (window as unknown as { ask: (message: object) => Promise<unknown> }).ask = (message) =>
          new Promise((resolve, reject) => {
            worker.onmessage = (event: MessageEvent) => resolve(event.data);
            worker.onerror = (event) => reject(new Error(event.message));
            worker.postMessage(message);
          });
      });
      const ask = (message: object) =>
        page.evaluate(
          (m) => (window as unknown as { ask: (message: object) => Promise<unknown> }).ask(m),
          message,
        );
      const measure = async (way: 'wasm' | 'webcrypto') => {
        const before = await rendererCpu();
        const answer = (await ask({ way, runs })) as Answer;
        return { ...answer, cpuMs: ((await rendererCpu()) - before) * 1000 };
      };
      console.log(`${cpus().length} cores, ${cpus()[0]?.model ?? ''}; ${runs} runs per size`);
      console.log(
        'MiB   hash-wasm ms (median)  MB/s  MB/CPU s   WebCrypto ms (median)  MB/s  MB/CPU s   ' +
          'WebCrypto ÷ hash-wasm: wall, CPU',
      );
      for (const mib of sizes) {
        await ask({ bytes: mib * MIB });
        const wasm = await measure('wasm');
        const webcrypto = await measure('webcrypto');
        if (wasm.hex !== webcrypto.hex) throw new Error('hash-wasm and WebCrypto disagree.');
        const megabytes = (mib * MIB) / 1e6;
        const row = (m: typeof wasm) => {
          const ms = median(m.times);
          return (
            `${ms.toFixed(1).padStart(21)} ${(megabytes / (ms / 1000)).toFixed(0).padStart(5)}` +
            ` ${((megabytes * runs) / (m.cpuMs / 1000)).toFixed(0).padStart(9)}`
          );
        };
        console.log(
          `${String(mib).padEnd(5)}${row(wasm)}  ${row(webcrypto)}   ` +
            `${(median(wasm.times) / median(webcrypto.times)).toFixed(2)}×, ${(wasm.cpuMs / webcrypto.cpuMs).toFixed(2)}×`,
        );
      }
    });
    console.log(`load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

await main();
