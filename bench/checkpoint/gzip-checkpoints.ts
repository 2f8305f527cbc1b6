/**
 * A zran-style checkpoint index over one gzip stream (zlib's examples/zran.c): during the one decoding
 * pass, at a deflate block boundary every `span` bytes of output, keep where the block starts in the
 * compressed file (byte and bit) and the 32 KiB of output before it (the window back-references can
 * reach). A later read of decoded bytes [offset, offset + length) starts a raw inflate at the nearest
 * checkpoint at or before `offset`, primed with the leftover bits and the window, and decodes at most
 * `span` bytes too many. Kept in bench/ to measure against the spill (bench/README.md says why).
 *
 * pako's zlib port is used because it reports block boundaries (Z_BLOCK, `data_type`) and can be primed
 * at a bit offset; neither Node's zlib nor the browser's DecompressionStream exposes either.
 */
import * as inflater from 'pako/lib/zlib/inflate.js';
import ZStream from 'pako/lib/zlib/zstream.js';
import type { ByteSource } from '../../src/core';

const Z_OK = 0;
const Z_STREAM_END = 1;
const Z_BUF_ERROR = -5;
const Z_NO_FLUSH = 0;
const Z_BLOCK = 5;
const WINDOW = 32768;
/** data_type flags zlib sets after inflate: at a block boundary, and that block was the last. */
const AT_BOUNDARY = 128;
const LAST_BLOCK = 64;

export interface Checkpoint {
  /** Decoded offset the checkpoint's block starts at. */
  readonly out: number;
  /** Compressed offset of the first whole byte of the block. */
  readonly in: number;
  /** Bits of the byte before `in` that belong to the block (0–7). */
  readonly bits: number;
  /** The (up to) 32 KiB of output before `out`. */
  readonly window: Uint8Array;
}

export interface CheckpointIndex {
  readonly span: number;
  readonly points: readonly Checkpoint[];
  /** Decoded size of the stream. */
  readonly size: number;
}

/** Bytes the index keeps: the windows plus 16 bytes of offsets per checkpoint. */
export function indexBytes(index: CheckpointIndex): number {
  return index.points.reduce((sum, p) => sum + p.window.length + 16, 0);
}

function check(ret: number, strm: ZStream, where: string): void {
  if (ret !== Z_OK && ret !== Z_STREAM_END && ret !== Z_BUF_ERROR)
    throw new Error(`The gzip stream is corrupt (${where}): ${strm.msg || `zlib code ${ret}`}.`);
}

/**
 * The one pass: decodes the whole (single-member) gzip stream of `source`, hands every decoded chunk to
 * `onOutput` (the chunk is reused afterwards: copy what you keep) and records checkpoints. With
 * `checkpoints: false` it is the same inflate without them, to measure what they cost.
 */
export async function buildCheckpointIndex(
  source: ByteSource,
  options: { span?: number; checkpoints?: boolean; onOutput?: (chunk: Uint8Array) => void } = {},
): Promise<CheckpointIndex> {
  const span = options.span ?? 4 << 20;
  const keep = options.checkpoints ?? true;
  const strm = new ZStream();
  check(inflater.inflateInit2(strm, 15 + 16), strm, 'init');
  // The output buffer slides: when full, its last 32 KiB move to the front, so the window before any
  // boundary is always the WINDOW bytes before next_out.
  const out = new Uint8Array(1 << 20);
  let emitted = 0;
  strm.output = out;
  strm.next_out = 0;
  strm.avail_out = out.length;
  const points: Checkpoint[] = [];
  let lastOut = -Infinity;
  let offset = 0;
  let ret = Z_OK;
  while (ret !== Z_STREAM_END) {
    if (strm.avail_in === 0) {
      const chunk = await source.read(offset, 1 << 20);
      if (chunk.length === 0) throw new Error('The gzip stream ends early: the file is truncated.');
      offset += chunk.length;
      strm.input = chunk;
      strm.next_in = 0;
      strm.avail_in = chunk.length;
    }
    ret = inflater.inflate(strm, keep ? Z_BLOCK : Z_NO_FLUSH);
    check(ret, strm, 'first pass');
    options.onOutput?.(out.subarray(emitted, strm.next_out));
    emitted = strm.next_out;
    const boundary = (strm.data_type & AT_BOUNDARY) !== 0 && (strm.data_type & LAST_BLOCK) === 0;
    if (keep && boundary && strm.total_out - lastOut >= span) {
      lastOut = strm.total_out;
      points.push({
        out: strm.total_out,
        in: strm.total_in,
        bits: strm.data_type & 7,
        window: out.slice(Math.max(0, strm.next_out - WINDOW), strm.next_out),
      });
    }
    if (strm.avail_out === 0) {
      out.copyWithin(0, out.length - WINDOW);
      strm.next_out = emitted = WINDOW;
      strm.avail_out = out.length - WINDOW;
    }
  }
  inflater.inflateEnd(strm);
  return { span, points, size: strm.total_out };
}

/** The checkpoint at or before decoded `offset` (the first one sits at output 0). */
export function checkpointFor(index: CheckpointIndex, offset: number): Checkpoint {
  const { points } = index;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (points[mid]!.out <= offset) lo = mid;
    else hi = mid - 1;
  }
  const point = points[lo];
  if (!point || point.out > offset) throw new Error('The checkpoint index has no checkpoint at the start.');
  return point;
}

/**
 * A raw inflate positioned at one checkpoint; `read` continues from where the last read ended, so
 * sequential reads (a layer walked header by header) decode each byte once.
 */
export class CheckpointCursor {
  private readonly strm = new ZStream();
  private readonly out = new Uint8Array(256 << 10);
  private inOffset: number;
  /** Bits of the byte before the checkpoint still to feed (zlib's inflatePrime). */
  private primed: number;
  private ended = false;
  /** Decoded offset of the next byte inflate produces. */
  position: number;

  constructor(
    private readonly source: ByteSource,
    point: Checkpoint,
  ) {
    check(inflater.inflateInit2(this.strm, -15), this.strm, 'init');
    if (point.window.length > 0)
      check(inflater.inflateSetDictionary(this.strm, point.window), this.strm, 'window');
    this.inOffset = point.bits > 0 ? point.in - 1 : point.in;
    this.position = point.out;
    this.primed = point.bits;
  }

  /** Decoded bytes [position, position + length), or fewer at the end of the stream. */
  async read(length: number): Promise<Uint8Array> {
    const result = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const chunk = await this.take(length - filled);
      if (chunk.length === 0) break;
      result.set(chunk, filled);
      filled += chunk.length;
    }
    return result.subarray(0, filled);
  }

  /** Decodes and drops bytes up to decoded `offset`. */
  async skipTo(offset: number): Promise<void> {
    while (this.position < offset) if ((await this.take(offset - this.position)).length === 0) return;
  }

  /** The next decoded bytes (at most `max`); empty only at the end of the stream. */
  private async take(max: number): Promise<Uint8Array> {
    const { strm } = this;
    strm.output = this.out;
    strm.next_out = 0;
    strm.avail_out = Math.min(max, this.out.length);
    // A call can consume its whole input without output (a block header across a chunk's end).
    while (!this.ended && strm.next_out === 0) {
      if (strm.avail_in === 0) await this.feed();
      const ret = inflater.inflate(strm, Z_NO_FLUSH);
      check(ret, strm, 'read');
      if (ret === Z_STREAM_END) this.ended = true;
    }
    this.position += strm.next_out;
    return this.out.subarray(0, strm.next_out);
  }

  private async feed(): Promise<void> {
    const { strm } = this;
    const chunk = await this.source.read(this.inOffset, 128 << 10);
    if (chunk.length === 0) throw new Error('The gzip stream ends early: the file is truncated.');
    this.inOffset += chunk.length;
    strm.input = chunk;
    strm.next_in = 0;
    strm.avail_in = chunk.length;
    if (this.primed > 0) {
      // zlib's inflatePrime: the block's first bits are the top `bits` bits of the byte before `in`.
      const state = strm.state!;
      state.hold += (chunk[0]! >> (8 - this.primed)) << state.bits;
      state.bits += this.primed;
      strm.next_in = 1;
      strm.avail_in -= 1;
      this.primed = 0;
    }
  }
}

/**
 * The decoded stream as a ByteSource, so an ArchiveSession opens it like a plain tar: each read starts
 * from the nearest checkpoint, or goes on from an earlier read when no checkpoint lies between (a few
 * cursors, for layers read side by side). Reads run one at a time: a cursor is one inflate stream.
 */
export function checkpointSource(packed: ByteSource, index: CheckpointIndex, name: string): ByteSource {
  const cursors: CheckpointCursor[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  async function readNow(offset: number, length: number): Promise<Uint8Array> {
    const n = Math.max(0, Math.min(length, index.size - offset));
    const point = checkpointFor(index, offset);
    let best: CheckpointCursor | undefined;
    for (const c of cursors)
      if (c.position <= offset && c.position >= point.out && (!best || c.position > best.position)) best = c;
    if (!best) {
      best = new CheckpointCursor(packed, point);
      if (cursors.length >= 4) cursors.shift();
    } else cursors.splice(cursors.indexOf(best), 1);
    cursors.push(best);
    await best.skipTo(offset);
    return best.read(n);
  }
  return {
    name,
    size: index.size,
    read(offset, length) {
      const result = queue.then(() => readNow(offset, length));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
