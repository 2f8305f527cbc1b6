/**
 * Where the time of indexing goes, stage by stage, over the layer blobs of one archive: the same
 * code runs in Node (nodeEnv: zlib, node:crypto) and in Chromium (the worker's env:
 * DecompressionStream, hash-wasm), so each environment's decoder, hasher and the tar parser are
 * timed on the same bytes. Each stage is a whole pass that stops after the named work; the cost of
 * one step is the difference between two passes (read+gunzip minus read = gunzip).
 */
import { readRange, TarParser, type ByteSource, type CoreEnv, type Decoder } from '../../src/core';
import { indexLayer } from '../../src/core/archive/index-layer';

export interface BlobRange {
  readonly offset: number;
  readonly size: number;
}

export type StageName =
  | 'read'
  | 'read+sha256'
  | 'read+gunzip'
  | 'read+gunzip-portable'
  | 'read+gunzip+sha256'
  | 'read+gunzip+tar'
  | 'index-layer';

/** For a plain layer the gunzip step is nothing, so only these passes are distinct. */
const PLAIN_STAGES: readonly StageName[] = ['read', 'read+sha256', 'read+gunzip+tar'];

export interface StageTime {
  readonly stage: StageName;
  readonly ms: number;
  /** Bytes that came out of the last step (stored bytes for read, decoded bytes after gunzip). */
  readonly bytes: number;
}

type Pass = (chunks: AsyncIterable<Uint8Array>) => Promise<number>;

async function drain(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of chunks) bytes += chunk.length;
  return bytes;
}

async function* hashed(chunks: AsyncIterable<Uint8Array>, env: CoreEnv): AsyncGenerator<Uint8Array> {
  const hasher = await env.createSha256();
  for await (const chunk of chunks) {
    await hasher.update(chunk);
    yield chunk;
  }
  await hasher.digestHex();
}

async function parseTar(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  let bytes = 0;
  let entries = 0;
  const parser = new TarParser({
    onEntry: () => {
      entries++;
      return false;
    },
  });
  for await (const chunk of chunks) {
    bytes += chunk.length;
    if (!parser.ended) parser.push(chunk);
  }
  parser.end();
  if (entries === 0) throw new Error('The tar parser found no entries; the stage read the wrong bytes.');
  return bytes;
}

function passes(env: CoreEnv, compressed: boolean): [StageName, Pass][] {
  const gunzip = (decoder: Decoder) => (chunks: AsyncIterable<Uint8Array>) =>
    compressed ? decoder(chunks) : chunks;
  const all: [StageName, Pass][] = [
    ['read', drain],
    ['read+sha256', (c) => drain(hashed(c, env))],
    ['read+gunzip', (c) => drain(gunzip(env.gunzip)(c))],
    ['read+gunzip-portable', (c) => drain(gunzip(env.gunzipPortable)(c))],
    ['read+gunzip+sha256', (c) => drain(hashed(gunzip(env.gunzip)(c), env))],
    ['read+gunzip+tar', (c) => parseTar(gunzip(env.gunzip)(c))],
  ];
  // A plain layer has nothing to decode: the other passes would repeat `read` and `read+sha256`.
  return compressed ? all : all.filter(([name]) => PLAIN_STAGES.includes(name));
}

export async function timeStages(
  source: ByteSource,
  blobs: readonly BlobRange[],
  env: CoreEnv,
  compressed: boolean,
  log: (line: string) => void = () => undefined,
): Promise<StageTime[]> {
  const times: StageTime[] = [];
  for (const [stage, pass] of passes(env, compressed)) {
    const started = performance.now();
    let bytes = 0;
    for (const blob of blobs) bytes += await pass(readRange(source, blob.offset, blob.size));
    times.push({ stage, ms: performance.now() - started, bytes });
    log(`${stage}: ${(performance.now() - started).toFixed(0)} ms`);
  }
  const started = performance.now();
  let bytes = 0;
  for (const blob of blobs) {
    const index = await indexLayer(() => readRange(source, blob.offset, blob.size), env, {
      canRestart: true,
    });
    bytes += index.size;
  }
  times.push({ stage: 'index-layer', ms: performance.now() - started, bytes });
  log(`index-layer: ${(performance.now() - started).toFixed(0)} ms`);
  return times;
}

/** Time spent inside each synchronous step of one full pipeline (what a profiler's self time shows). */
export interface SelfTimes {
  readonly wallMs: number;
  readonly sha256StoredMs: number;
  readonly sha256DecodedMs: number;
  readonly tarMs: number;
  /** Wall time left: reading and decoding (they overlap and interleave), plus async overhead. */
  readonly readAndDecodeMs: number;
  /** sha256 throughput on bytes in memory, 1 MiB updates: the hasher alone. */
  readonly sha256MBps: number;
}

/**
 * One pass that does what indexLayer does and clocks the hashers and the tar parser around each
 * call. Differences of passes mislead when steps overlap (a Blob read runs off the thread while the
 * previous slice is hashed), self times do not.
 */
export async function timeSelf(
  source: ByteSource,
  blobs: readonly BlobRange[],
  env: CoreEnv,
  compressed: boolean,
): Promise<SelfTimes> {
  let sha256StoredMs = 0;
  let sha256DecodedMs = 0;
  let tarMs = 0;
  const started = performance.now();
  for (const blob of blobs) {
    const storedHasher = await env.createSha256();
    const decodedHasher = await env.createSha256();
    async function* stored(): AsyncGenerator<Uint8Array> {
      for await (const chunk of readRange(source, blob.offset, blob.size)) {
        const t = performance.now();
        await storedHasher.update(chunk);
        sha256StoredMs += performance.now() - t;
        yield chunk;
      }
    }
    const parser = new TarParser({ onEntry: () => false });
    for await (const chunk of compressed ? env.gunzip(stored()) : stored()) {
      let t = performance.now();
      if (compressed) await decodedHasher.update(chunk);
      sha256DecodedMs += performance.now() - t;
      t = performance.now();
      if (!parser.ended) parser.push(chunk);
      tarMs += performance.now() - t;
    }
    parser.end();
    await storedHasher.digestHex();
    await decodedHasher.digestHex();
  }
  const wallMs = performance.now() - started;
  return {
    wallMs,
    sha256StoredMs,
    sha256DecodedMs,
    tarMs,
    readAndDecodeMs: wallMs - sha256StoredMs - sha256DecodedMs - tarMs,
    sha256MBps: await hashSpeed(env),
  };
}

async function hashSpeed(env: CoreEnv): Promise<number> {
  const buffer = new Uint8Array(64 << 20);
  let x = 2463534242;
  for (let i = 0; i < buffer.length; i += 4) {
    // xorshift32: incompressible filler, though sha256's speed does not depend on the bytes.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    buffer[i] = x & 0xff;
  }
  const hasher = await env.createSha256();
  const started = performance.now();
  for (let pass = 0; pass < 4; pass++)
    for (let o = 0; o < buffer.length; o += 1 << 20) await hasher.update(buffer.subarray(o, o + (1 << 20)));
  await hasher.digestHex();
  return (4 * buffer.length) / 1e3 / (performance.now() - started);
}
