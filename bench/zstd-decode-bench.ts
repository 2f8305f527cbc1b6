/**
 * The zstd decoder alone against `zstd -dc` on one zstd blob, in the same run: strata's decoder (libzstd in
 * WebAssembly, src/core/io/zstd-wasm.ts) under Node and in headless Chromium, fed 1 MiB chunks as the layer
 * reader feeds it. CPU seconds: bash `times` for `zstd -dc`, `process.cpuUsage()` in Node, the renderer's
 * `cpuTime` (CDP `SystemInfo.getProcessInfo`) in Chromium. Never a pass/fail: the numbers are for people.
 *
 * Run: npx tsx bench/zstd-decode-bench.ts [--blob FILE] [--runs 2]
 * Without --blob: the largest layer of bench/out/strata-bench-300m-zstd.tar (`index-bench.ts --shapes zstd`
 * makes it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { nodeEnv } from '../src/cli/node-env';
import type { ZstdWasmExports, wasmUnzstd as WasmUnzstd } from '../src/core/io/zstd-wasm';
import { readFlags } from './run/flags';
import { withBenchPage } from './run/bench-page';

const CHUNK = 1024 * 1024;
const WASM = 'src/core/io/zstd/zstd-decoder.wasm';

/** The largest member under blobs/ of an OCI archive. */
function largestBlob(archive: string, into: string): string {
  const listing = execFileSync('tar', ['-tvf', archive], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const [name] = listing
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[5]?.startsWith('blobs/') === true)
    .map((f) => [f[5]!, Number(f[2])] as const)
    .reduce((a, b) => (b[1] > a[1] ? b : a));
  writeFileSync(into, execFileSync('tar', ['-xOf', archive, name], { maxBuffer: 2 ** 31 - 1 }));
  return into;
}

function nativeCpu(blob: string): number {
  const run = spawnSync('bash', ['-c', 'zstd -dc "$1" > /dev/null; times >&2', 'native', blob], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // `times` prints the shell's then its children's user and system time: "0m0.412s 0m0.071s".
  const line = run.stderr.toString().trim().split('\n').at(-1) ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}

async function nodeCpu(bytes: Uint8Array): Promise<{ cpu: number; decoded: number }> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      await Promise.resolve(); // as a read would
      yield bytes.subarray(at, at + CHUNK);
    }
  }
  const started = process.cpuUsage();
  let decoded = 0;
  for await (const piece of nodeEnv.unzstd(chunks())) decoded += piece.length;
  const used = process.cpuUsage(started);
  return { cpu: (used.user + used.system) / 1e6, decoded };
}

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2), ['blob', 'runs']);
  const runs = Number(flags.get('runs') ?? 2);
  const site = mkdtempSync(join(tmpdir(), 'strata-zstd-bench-'));
  try {
    const blob =
      flags.get('blob') ?? largestBlob('bench/out/strata-bench-300m-zstd.tar', join(site, 'blob.zst'));
    const bytes = new Uint8Array(readFileSync(blob));
    // zstd-wasm.ts imports only types, so on its own it is a browser module once its types are stripped.
    const source = readFileSync('src/core/io/zstd-wasm.ts', 'utf8');
    const options = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 };
    writeFileSync(
      join(site, 'zstd-wasm.js'),
      ts.transpileModule(source, { compilerOptions: options }).outputText,
    );
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>zstd</title>');
    copyFileSync(WASM, join(site, 'zstd-decoder.wasm'));
    if (flags.get('blob') !== undefined) copyFileSync(blob, join(site, 'blob.zst'));
    const loadBefore = loadavg()[0] ?? 0;
    await withBenchPage(site, async ({ page, url, rendererCpu }) => {
      // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it too.
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.goto(url);
      // The module and the blob are fetched before the runs, so the renderer's CPU is the decoder's.
      await page.evaluate(async (chunk) => {
        const { wasmUnzstd } = (await import(`${location.origin}/zstd-wasm.js`)) as {
          wasmUnzstd: typeof WasmUnzstd;
        };
        const module = await WebAssembly.compile(await (await fetch('zstd-decoder.wasm')).arrayBuffer());
        const stored = new Uint8Array(await (await fetch('blob.zst')).arrayBuffer());
        const unzstd = wasmUnzstd(
          async () => (await WebAssembly.instantiate(module)).exports as unknown as ZstdWasmExports,
        );
        async function* chunks(): AsyncGenerator<Uint8Array> {
          for (let at = 0; at < stored.length; at += chunk) {
            await Promise.resolve();
            yield stored.subarray(at, at + chunk);
          }
        }
        (window as unknown as { decodeAll: () => Promise<number> }).decodeAll = async () => {
          let decoded = 0;
          for await (const piece of unzstd(chunks())) decoded += piece.length;
          return decoded;
        };
      }, CHUNK);
      console.log(`${blob}: ${bytes.length.toLocaleString('en')} bytes stored`);
      console.log('run  zstd -dc CPU s  Node CPU s  Chromium CPU s  decoded bytes');
      for (let run = 1; run <= runs; run++) {
        const native = nativeCpu(blob);
        const node = await nodeCpu(bytes);
        const before = await rendererCpu();
        const decodedInPage = await page.evaluate(() =>
          (window as unknown as { decodeAll: () => Promise<number> }).decodeAll(),
        );
        const chromiumCpu = (await rendererCpu()) - before;
        if (decodedInPage !== node.decoded) throw new Error('Node and Chromium decoded different lengths.');
        console.log(
          `${String(run).padEnd(4)} ${native.toFixed(2).padStart(14)} ${node.cpu.toFixed(2).padStart(11)} ` +
            `${chromiumCpu.toFixed(2).padStart(15)}  ${node.decoded.toLocaleString('en')}`,
        );
      }
    });
    console.log(`load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

await main();
