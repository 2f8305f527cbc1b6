/** The core's environment under Node: node:crypto, zlib (multi-member gzip natively), fzstd. */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ByteSource, CoreEnv, Decoder } from '../core';
import { gunzipPortable, unzstdPortable } from '../core';

const gunzipZlib: Decoder = async function* gunzip(input) {
  const stream = Readable.from(input).pipe(createGunzip({ chunkSize: 256 * 1024 }));
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>)
      yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
  } catch (error) {
    throw new Error(
      `The gzip data is corrupt or ends early (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
};

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
  unzstd: unzstdPortable,
};

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
  return {
    name: path,
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
    close: () => handle.close(),
  };
}
