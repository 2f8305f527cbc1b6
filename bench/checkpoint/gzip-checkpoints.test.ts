import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../src/core';
import { buildCheckpointIndex, checkpointSource, indexBytes } from './gzip-checkpoints';

/** Bytes that deflate into many small blocks, ending at every bit position. */
function sample(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let seed = 12345;
  for (let i = 0; i < size; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    bytes[i] = (seed >>> 24) & (i % 3 === 0 ? 0x03 : 0xff);
  }
  return bytes;
}

describe('gzip checkpoint index', () => {
  const plain = sample(3_000_000);
  const packed = memorySource(gzipSync(plain, { level: 6 }), 'sample.gz');

  it('decodes the whole stream in the first pass and keeps a checkpoint every span', async () => {
    let seen = 0;
    const index = await buildCheckpointIndex(packed, { span: 64 << 10, onOutput: (c) => (seen += c.length) });
    expect(index.size).toBe(plain.length);
    expect(seen).toBe(plain.length);
    expect(index.points[0]?.out).toBe(0);
    expect(index.points.length).toBeGreaterThan(20);
    expect(new Set(index.points.map((p) => p.bits)).size).toBeGreaterThan(3);
    expect(indexBytes(index)).toBeGreaterThan(20 * 32768);
  });

  it('reads any range from the nearest checkpoint, in any order', async () => {
    const index = await buildCheckpointIndex(packed, { span: 64 << 10 });
    const source = checkpointSource(packed, index, 'sample');
    const ranges = [
      [0, 100],
      [2_999_000, 5000],
      [1_000_000, 300_000],
      [65_535, 3],
      [1_299_990, 20],
      [500_000, 1],
    ] as const;
    for (const [offset, length] of ranges) {
      const got = await source.read(offset, length);
      expect(Buffer.from(got).equals(Buffer.from(plain.subarray(offset, offset + length)))).toBe(true);
    }
  });

  it('serves reads that overlap in time, each with its own bytes', async () => {
    const index = await buildCheckpointIndex(packed, { span: 100_000 });
    const source = checkpointSource(packed, index, 'sample');
    const offsets = [10, 2_500_000, 700_000, 710_000, 1_800_000];
    const got = await Promise.all(offsets.map((o) => source.read(o, 7)));
    got.forEach((bytes, i) =>
      expect(Array.from(bytes)).toEqual(Array.from(plain.subarray(offsets[i], offsets[i]! + 7))),
    );
  });

  it('says so when the stream is cut short', async () => {
    const cut = memorySource(gzipSync(plain).subarray(0, 50_000), 'cut.gz');
    await expect(buildCheckpointIndex(cut)).rejects.toThrow('truncated');
  });
});
