/** The core's environment under Node: node:crypto, zlib (multi-member gzip natively), libzstd in WebAssembly. */
import { createHash } from 'node:crypto';
import { mkdtemp, open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ByteSource, CoreEnv, CreateSpill, Decoder, LayerIndexer, ZstdWasmExports } from '../core';
import { gunzipPortable, wasmUnzstd } from '../core';

/**
 * zlib's output chunk size. Every chunk is a fresh ArrayBuffer, and V8 counts external memory allocated since
 * its last full collection against the old generation's limit: a gzip layer's decoded bytes set off about one
 * full collection per 16–20 MB. 1 MiB chunks set off fewer of them than 256 KiB ones (bench/compare/README.md).
 */
const GUNZIP_CHUNK = 1024 * 1024;

const gunzipZlib: Decoder = async function* gunzip(input) {
  const stream = Readable.from(input).pipe(createGunzip({ chunkSize: GUNZIP_CHUNK }));
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>)
      yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
  } catch (error) {
    throw new Error(
      `The gzip data is corrupt or ends early (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
};

/** The zstd decoder's module, compiled once per process. */
let zstdModule: Promise<WebAssembly.Module> | undefined;

export async function instantiateZstd(): Promise<ZstdWasmExports> {
  zstdModule ??= readFile(new URL('../core/io/zstd/zstd-decoder.wasm', import.meta.url)).then((bytes) =>
    WebAssembly.compile(bytes),
  );
  const instance = await WebAssembly.instantiate(await zstdModule);
  return instance.exports as unknown as ZstdWasmExports;
}

const unzstdWasm: Decoder = wasmUnzstd(instantiateZstd);

export const nodeEnv: CoreEnv = {
  createSha256() {
    const hash = createHash('sha256');
    return Promise.resolve({
      update: (data: Uint8Array) => void hash.update(data),
      digestHex: () => hash.digest('hex'),
    });
  },
  gunzip: gunzipZlib,
  gunzipPortable,
  unzstd: unzstdWasm,
  createSpill: (name) => spillToTempFile(name),
};

/**
 * Layers indexed several at once in this thread: zlib inflates on libuv's thread pool and file reads are
 * asynchronous, so one layer's inflate runs while another's bytes are hashed and parsed here.
 */
export const nodeIndexer: LayerIndexer = { concurrency: Math.min(4, availableParallelism()) };

/**
 * A compressed archive's decoded bytes in a temporary file ($TMPDIR), unlinked as soon as it is open so
 * that nothing is left behind however the process ends; the open handle keeps it readable until closed.
 */
const spillToTempFile: CreateSpill = async (name) => {
  const dir = await mkdtemp(join(tmpdir(), 'strata-'));
  const path = join(dir, 'archive.tar');
  const handle = await open(path, 'w+');
  await rm(dir, { recursive: true, force: true });
  let size = 0;
  return {
    async write(chunk) {
      let done = 0;
      while (done < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, size + done);
        done += bytesWritten;
      }
      size += chunk.length;
    },
    finish() {
      const source = {
        ...handleSource(handle, name, size),
        close: () => {
          closeWhenCollected.unregister(source);
          return handle.close();
        },
      };
      closeWhenCollected.register(source, handle, source);
      return Promise.resolve(source);
    },
    discard: () => handle.close(),
  };
};

/** A session dropped without close() (a test, a one-shot caller) still gives its spill's descriptor back. */
const closeWhenCollected = new FinalizationRegistry<FileHandle>((handle) => {
  handle.close().catch(() => undefined);
});

export interface FileSource extends ByteSource {
  close(): Promise<void>;
}

export async function openFileSource(path: string): Promise<FileSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  if ((await handle.stat()).isDirectory()) {
    await handle.close();
    throw new Error(`${path} is a directory, not an image archive.`);
  }
  return { ...handleSource(handle, path, size), close: () => handle.close() };
}

function handleSource(handle: FileHandle, name: string, size: number): ByteSource {
  return {
    name,
    size,
    async read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buffer = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const { bytesRead } = await handle.read(buffer, filled, n - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
    },
  };
}
