/**
 * What the core needs from its environment, passed in rather than imported
 * (docs/conventions.md#no-dom-in-the-core): the browser worker gives native DecompressionStream and WASM
 * hashing, Node gives zlib and node:crypto, and both fall back to the portable decoders in
 * ./portable-decoders.
 */
import type { CreateSpill } from './spill';

export type Compression = 'none' | 'gzip' | 'zstd';

/**
 * Incremental sha256. A hasher on another thread answers with promises: `update` asks the caller to wait
 * while its bytes in flight are at their bound, and `digestHex` when the other thread has hashed them all.
 * `update` may keep no reference to `data` after it returns: the caller reuses or hands on its buffers.
 */
export interface Hasher {
  update(data: Uint8Array): void | Promise<void>;
  /** Lowercase hex of the digest; the hasher is spent afterwards. */
  digestHex(): string | Promise<string>;
}

export type Decoder = (input: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

export interface CoreEnv {
  createSha256(): Promise<Hasher>;
  /**
   * The fast gzip decoder. It may throw MultiMemberGzipError on a second gzip member (Chromium's
   * DecompressionStream does so for estargz); the core then restarts the layer with `gunzipPortable`.
   */
  gunzip: Decoder;
  /** A gzip decoder that continues past member ends (multi-member, estargz). */
  gunzipPortable: Decoder;
  /** zstd: all frames, skippable frames skipped (zstd:chunked). */
  unzstd: Decoder;
  /**
   * Where a compressed outer archive's decoded bytes go during its one pass (./spill), so that file
   * contents inside it can be read later. Without it, only what the pass itself indexed is known.
   */
  createSpill?: CreateSpill;
}

export class MultiMemberGzipError extends Error {
  override name = 'MultiMemberGzipError';
  constructor() {
    super('The gzip stream has more than one member.');
  }
}

/**
 * Which decoder a stream needs, from its first bytes, never from its name or media type
 * (docs/archive-formats.md#sniffing-compression).
 */
export function sniffCompression(head: Uint8Array): Compression | 'bzip2' | 'xz' {
  const b = (i: number) => head[i] ?? -1;
  if (b(0) === 0x1f && b(1) === 0x8b) return 'gzip';
  if (b(0) === 0x28 && b(1) === 0xb5 && b(2) === 0x2f && b(3) === 0xfd) return 'zstd';
  // zstd skippable frame: magic 0x184D2A50–5F little-endian (zstd:chunked may start with one).
  if ((b(0) & 0xf0) === 0x50 && b(1) === 0x2a && b(2) === 0x4d && b(3) === 0x18) return 'zstd';
  if (b(0) === 0x42 && b(1) === 0x5a && b(2) === 0x68) return 'bzip2';
  if (b(0) === 0xfd && b(1) === 0x37 && b(2) === 0x7a && b(3) === 0x58 && b(4) === 0x5a && b(5) === 0)
    return 'xz';
  return 'none';
}

/** The decoder a sniffed compression needs; `gunzip` is the fast one unless the caller says otherwise. */
export function decoderFor(compression: Compression, env: CoreEnv, gunzip: Decoder = env.gunzip): Decoder {
  if (compression === 'gzip') return gunzip;
  if (compression === 'zstd') return env.unzstd;
  return (input) => input;
}

/**
 * Runs `attempt` with the fast gzip decoder and, when it stops at a second gzip member (Chromium's
 * DecompressionStream does on estargz), once more from the start with the decoder that continues past member ends.
 */
export async function withGzipFallback<T>(
  env: CoreEnv,
  attempt: (gunzip: Decoder) => Promise<T>,
): Promise<T> {
  try {
    return await attempt(env.gunzip);
  } catch (error) {
    if (error instanceof MultiMemberGzipError) return attempt(env.gunzipPortable);
    throw error;
  }
}
