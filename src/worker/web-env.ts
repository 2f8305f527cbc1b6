/**
 * The core's environment in a browser worker: Blob slices, WASM sha256 (hash-wasm: incremental, which
 * WebCrypto is not), the native DecompressionStream for gzip, and fzstd for zstd (browsers have no native
 * zstd). Chromium's DecompressionStream rejects a second gzip member with "Junk found after end of compressed
 * data" (estargz: docs/archive-formats.md#multi-member-gzip-and-estargz): that surfaces as
 * MultiMemberGzipError so the core restarts the layer with the portable decoder.
 */
import { createSHA256 } from 'hash-wasm';
import {
  MultiMemberGzipError,
  gunzipPortable,
  unzstdPortable,
  type ByteSource,
  type CoreEnv,
  type Decoder,
} from '../core';
import { createSpill } from './opfs-spill';

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

export const webEnv: CoreEnv = {
  async createSha256() {
    const h = await createSHA256();
    h.init();
    return { update: (data) => void h.update(data), digestHex: () => h.digest('hex') };
  },
  gunzip: gunzipNative,
  gunzipPortable,
  unzstd: unzstdPortable,
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
