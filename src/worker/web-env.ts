/**
 * The core's environment in a browser worker: Blob slices, sha256 by WebCrypto for what fits one call and by
 * hash-wasm past that (web-sha256.ts), the native DecompressionStream for gzip, and libzstd in WebAssembly for zstd (browsers
 * have no native zstd; its module is fetched from the page's own origin, which the Content-Security-Policy
 * allows with 'wasm-unsafe-eval'). Chromium's DecompressionStream rejects a second gzip member with "Junk
 * found after end of compressed data" (estargz: docs/archive-formats.md#multi-member-gzip-and-estargz): that
 * surfaces as MultiMemberGzipError so the core restarts the layer with the portable decoder.
 */
import {
  MultiMemberGzipError,
  gunzipPortable,
  wasmUnzstd,
  type ByteSource,
  type CoreEnv,
  type Decoder,
  type ZstdWasmExports,
} from '../core';
import { createSpill } from './opfs-spill';
import { oneShotOrIncremental, wasmSha256 } from './web-sha256';

const gunzipNative: Decoder = async function* gunzip(input) {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let writeError: Error | undefined;
  const pump = (async () => {
    try {
      for await (const chunk of input) await writer.write(chunk as Uint8Array<ArrayBuffer>);
      await writer.close();
    } catch (error) {
      writeError = error instanceof Error ? error : new Error('The layer could not be read.');
      await writer.abort(error).catch(() => undefined);
    }
  })();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    finished = true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/junk/i.test(message)) throw new MultiMemberGzipError();
    throw new Error(`The gzip data is corrupt or ends early (${message}).`);
  } finally {
    // A consumer that stops early (a file read that has its bytes) must not leave the writer
    // blocked on backpressure: cancelling the readable errors the pending writes.
    if (!finished) await reader.cancel().catch(() => undefined);
    await pump;
  }
  if (writeError !== undefined) throw writeError;
};

/** The zstd decoder's module, compiled once per worker on the first zstd stream. */
let zstdModule: Promise<WebAssembly.Module> | undefined;

/** Vite emits the module beside the worker's bundle; under Node (the handlers' tests) this is its file. */
const ZSTD_WASM = new URL('../core/io/zstd/zstd-decoder.wasm', import.meta.url);

interface NodeProcess {
  getBuiltinModule(id: 'fs'): { readFileSync(url: URL): Uint8Array<ArrayBuffer> };
}

async function loadZstdModule(): Promise<WebAssembly.Module> {
  // Node's fetch reads no file: URL, and the worker's code runs under Node in the handlers' tests.
  const node = (globalThis as { process?: NodeProcess }).process;
  if (ZSTD_WASM.protocol === 'file:' && node !== undefined) {
    return WebAssembly.compile(node.getBuiltinModule('fs').readFileSync(ZSTD_WASM));
  }
  const response = await fetch(ZSTD_WASM);
  if (!response.ok) {
    throw new Error(`The zstd decoder could not be loaded (HTTP ${response.status}); reload the page.`);
  }
  // Compiled from bytes rather than streamed: a static host may not serve .wasm as application/wasm.
  return WebAssembly.compile(await response.arrayBuffer());
}

const unzstdWasm: Decoder = wasmUnzstd(async () => {
  if (zstdModule === undefined) {
    zstdModule = loadZstdModule();
    // A failed load is tried again on the next zstd layer rather than remembered.
    zstdModule.catch(() => (zstdModule = undefined));
  }
  const instance = await WebAssembly.instantiate(await zstdModule);
  return instance.exports as unknown as ZstdWasmExports;
});

export const webEnv: CoreEnv = {
  createSha256: () => Promise.resolve(oneShotOrIncremental(wasmSha256)),
  gunzip: gunzipNative,
  gunzipPortable,
  unzstd: unzstdWasm,
  createSpill,
};

export function blobSource(blob: Blob, name: string): ByteSource {
  return {
    name,
    size: blob.size,
    async read(offset, length) {
      return new Uint8Array(await blob.slice(offset, Math.min(blob.size, offset + length)).arrayBuffer());
    },
  };
}
