import { describe, expect, it } from 'vitest';
import { instantiateZstd, nodeEnv } from '../../cli/node-env';
import { wasmUnzstd, ZSTD_OUTPUT_BYTES } from './zstd-wasm';

const unzstd = nodeEnv.unzstd;
const BLOCK = 128 * 1024;
const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
// Frame header descriptor 0: no checksum, no content size, a window descriptor of 2^17 follows.
const HEADER = [0x00, 0x38];

function blockHeader(size: number, type: 0 | 1, last: boolean): number[] {
  const h = (size << 3) | (type << 1) | (last ? 1 : 0);
  return [h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff];
}

/** One frame of `blocks` RLE blocks of zeros: 4 bytes of input per 128 KiB of output. */
function zeros(blocks: number): number[] {
  const out = [...MAGIC, ...HEADER];
  for (let i = 0; i < blocks; i++) out.push(...blockHeader(BLOCK, 1, i === blocks - 1), 0);
  return out;
}

/** One frame holding `text` in a raw (stored) block. */
function raw(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...MAGIC, ...HEADER, ...blockHeader(bytes.length, 0, true), ...bytes];
}

/** A skippable frame (magic 0x184D2A5?) of `size` bytes, as zstd:chunked writes its table of contents in. */
function skippable(size: number): number[] {
  return [0x5e, 0x2a, 0x4d, 0x18, size & 0xff, (size >> 8) & 0xff, 0, 0, ...new Array<number>(size).fill(7)];
}

async function* chunks(bytes: number[], size = bytes.length): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    await Promise.resolve();
    yield Uint8Array.from(bytes.slice(at, at + size));
  }
}

async function text(input: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const piece of unzstd(input)) parts.push(piece);
  return new TextDecoder().decode(Buffer.concat(parts));
}

async function failure(input: AsyncIterable<Uint8Array>): Promise<string> {
  try {
    for await (const piece of unzstd(input)) expect(piece.length).toBeGreaterThan(0);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('zstd in WebAssembly', () => {
  it('passes 128 MiB decoded from one 4 KiB chunk on in pieces of bounded size', async () => {
    const sizes: number[] = [];
    for await (const piece of unzstd(chunks(zeros(1024)))) sizes.push(piece.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1024 * BLOCK);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(ZSTD_OUTPUT_BYTES);
    expect(sizes.length).toBeGreaterThanOrEqual((1024 * BLOCK) / ZSTD_OUTPUT_BYTES);
  });

  it('decodes nothing further once its consumer stops', async () => {
    let taken = 0;
    for await (const piece of unzstd(chunks(zeros(1024)))) {
      taken += piece.length;
      if (taken >= 2 * ZSTD_OUTPUT_BYTES) break;
    }
    expect(taken).toBe(2 * ZSTD_OUTPUT_BYTES);
  });

  it('decodes concatenated frames and skips skippable frames (zstd:chunked)', async () => {
    const stream = [...skippable(5), ...raw('hello '), ...skippable(300), ...raw('world'), ...skippable(12)];
    expect(await text(chunks(stream))).toBe('hello world');
    expect(await text(chunks(stream, 1))).toBe('hello world');
  });

  it('says the data is corrupt, ends early or is empty, as sentences', async () => {
    const reserved = [...MAGIC, ...HEADER, ...blockHeader(4, 0, true).map((b, i) => (i === 0 ? b | 6 : b))];
    expect(await failure(chunks(reserved))).toMatch(/^The zstd data is corrupt \(.+\)\.$/);
    expect(await failure(chunks([...MAGIC, 0x08, 0x38, ...blockHeader(1, 0, true), 0]))).toMatch(
      /^The zstd data is corrupt \(.+\)\.$/,
    );
    // A window of 2^28 bytes, past the 2^27 that `zstd -d` also accepts by default.
    expect(await failure(chunks([...MAGIC, 0x00, 0x90, ...blockHeader(1, 0, true), 0]))).toBe(
      'The zstd data is corrupt (Frame requires too much memory for decoding).',
    );
    expect(await failure(chunks(raw('hello').slice(0, -2)))).toBe(
      'The zstd data ends early or is corrupt (the last frame is incomplete).',
    );
    expect(await failure(chunks([]))).toBe('The zstd data is empty.');
  });

  it('keeps an instance between streams, also after corrupt data', async () => {
    let made = 0;
    const decoder = wasmUnzstd(() => {
      made++;
      return instantiateZstd();
    });
    const decode = async (bytes: number[]) => {
      const parts: Uint8Array[] = [];
      for await (const piece of decoder(chunks(bytes))) parts.push(piece);
      return new TextDecoder().decode(Buffer.concat(parts));
    };
    for (let i = 0; i < 20; i++) expect(await decode(raw(`file ${i}`))).toBe(`file ${i}`);
    await expect(decode([...MAGIC, 0x08, 0x38, ...blockHeader(1, 0, true), 0])).rejects.toThrow(/corrupt/);
    expect(await decode(raw('after'))).toBe('after');
    const together = await Promise.all([decode(raw('a')), decode(raw('b')), decode(raw('c'))]);
    expect(together).toEqual(['a', 'b', 'c']);
    expect(made).toBe(3);
  });
});
