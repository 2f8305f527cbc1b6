/**
 * How a session indexes its layer blobs: in its own thread, or on a pool of workers (the page's layer
 * workers) that each read their own slices of a plain outer tar, or take the bytes of a layer as the one
 * pass over a compressed outer archive decodes them. Layers are independent, so several are indexed at
 * once; each one is still hashed whole and its diff_id checked.
 */
import type { LayerTable } from '../archive/index-layer';
import type { DecodeLimits } from '../io/decode-limits';
import type { SpillShare } from '../io/spill';
import type { SparseFile } from './elf-prefetch';

export interface BlobRange {
  /** Where the blob's bytes start in the archive, and how many there are. */
  readonly offset: number;
  readonly size: number;
}

export interface IndexJobOptions {
  signal?: AbortSignal;
  /** Stored bytes read since the last call. */
  onRead?: (bytes: number) => void;
  /** Decoded bytes so far. */
  onDecoded?: (bytes: number) => void;
  /** The session's decompression bomb limits (docs/limits.md); the defaults when absent. */
  limits?: DecodeLimits;
  /**
   * Keep what ELF and package reads need while indexing (IndexLayerOptions.onKept), at most `keepLimit` bytes:
   * an indexer that keeps nothing leaves the layer to be read again when a view needs it.
   */
  onKept?: (kept: ReadonlyMap<number, SparseFile>) => void;
  keepLimit?: number;
  /**
   * A streamed layer only: write its bytes into the outer pass's spill at this place too (Spill.share), so the
   * pass's thread does not; `onSpillFailed` says why that could not be done (the spill is then given up).
   */
  spill?: SpillShare;
  onSpillFailed?: (message: string) => void;
}

export interface LayerIndexer {
  /** How many layers to index at once. */
  readonly concurrency: number;
  /** Index the blob at `range` of the archive; undefined: index it in the session's own thread. */
  index?(range: BlobRange, options: IndexJobOptions): Promise<LayerTable>;
  /**
   * Index a layer from its bytes as the outer pass hands them out (a compressed outer archive, read once
   * from the start); undefined: index it in the session's own thread. The pass goes on to the next entry
   * while this one is still being indexed, so the stream is consumed at the indexer's pace: `chunks`
   * applies the backpressure. Each chunk is the indexer's own (a view from offset 0 of a buffer nobody
   * else holds): it may keep it or transfer it to another thread.
   */
  indexStream?(chunks: AsyncIterable<Uint8Array>, options: IndexJobOptions): Promise<LayerTable>;
}

/** One layer at a time in the session's thread: tests, and the page's fallback without workers. */
export const ONE_AT_A_TIME: LayerIndexer = { concurrency: 1 };
