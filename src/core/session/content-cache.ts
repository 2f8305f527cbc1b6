/**
 * The one cache of file contents an opened archive keeps, for the page and the CLI alike. A read
 * inside a compressed layer costs a decode from the layer's start, so bytes are kept per layer blob
 * (shared by images that share the layer), keyed by the file's offset in the layer's tar stream, and
 * filled in one of two ways:
 * - warm: one decoding pass over a whole layer keeps every file's head, each ELF file's loader ranges
 *   and the files read whole (package databases, the loader cache): `elf-prefetch.ts`. The linkage
 *   and package views warm an image before they read it.
 * - batch: on the first read of a file a `batch` predicate accepts, every accepted file of that layer
 *   is fetched in a few spans (files of one directory tree sit next to each other in a tar), so fifty
 *   dpkg `.list` files cost a few decodes, not fifty, without decoding the rest of the layer.
 * Anything else is a plain decoding read (`layer-content.ts`).
 */
import type { LayerRef } from '../image/model';
import type { CoreEnv } from '../io/env';
import { decoderFor, withGzipFallback } from '../io/env';
import type { OuterScan } from '../archive/outer-scan';
import type { LayerTable } from '../archive/index-layer';
import type { TarEntry } from '../model/tar-entry';
import { readLayerBytes } from './layer-content';
import { prefetchLayer, readSparse, type SparseFile } from './elf-prefetch';
import { keptCost } from './kept-transfer';

/**
 * What the index pass may keep for later ELF and package reads (keepContents), per session: past it, a
 * layer's bytes are not kept and the views read that layer again (docs/limits.md).
 */
export const KEPT_CONTENTS_LIMIT = 512 * 1024 * 1024;

/** Which files of a layer a batch fetches together. Keep one function per purpose: batches are per function. */
export type BatchPredicate = (path: string) => boolean;

/** Files bigger than this (a large rpm Packages) are never batched; they are read on their own. */
const BATCHED_FILE_LIMIT = 4 * 1024 * 1024;
/** One span's bytes are held at once: at most this many. */
const SPAN_LIMIT = 16 * 1024 * 1024;

/** Reads `length` bytes from `start` of a layer's uncompressed tar stream. */
export type LayerRead = (
  layer: LayerRef,
  index: LayerTable,
  start: number,
  length: number,
  signal?: AbortSignal,
) => Promise<Uint8Array>;

interface Span {
  readonly start: number;
  readonly end: number;
}

function spansOf(entries: readonly TarEntry[]): Span[] {
  const spans: Span[] = [];
  for (const e of entries) {
    const last = spans.at(-1);
    const end = e.dataOffset + e.size;
    if (last !== undefined && end - last.start <= SPAN_LIMIT)
      spans[spans.length - 1] = { start: last.start, end };
    else spans.push({ start: e.dataOffset, end });
  }
  return spans;
}

export interface ContentCacheOptions {
  /** Bytes adopted from index passes may reach this (by keptCost); KEPT_CONTENTS_LIMIT when absent. */
  keptLimit?: number;
  /** How bytes the cache does not hold are read; a decoding read from the layer's start when absent. */
  direct?: LayerRead;
}

export class ContentCache {
  /** Per layer blob, what each pass kept, oldest first (an index pass, then batches): looked up, never merged. */
  private readonly kept = new Map<string, ReadonlyMap<number, SparseFile>[]>();
  private readonly warming = new Map<string, Promise<void>>();
  private readonly batches = new Map<BatchPredicate, Map<string, Promise<void>>>();
  private readonly direct: LayerRead;
  private readonly keptLimit: number;
  /** What was adopted from index passes, by keptCost, held to keptLimit. */
  private adoptedBytes = 0;

  constructor(
    private readonly scan: OuterScan,
    private readonly env: CoreEnv,
    options: ContentCacheOptions = {},
  ) {
    this.keptLimit = options.keptLimit ?? KEPT_CONTENTS_LIMIT;
    this.direct =
      options.direct ??
      ((layer, index, start, length, signal) =>
        readLayerBytes(scan, env, layer, index, start, length, signal));
  }

  /** Up to `length` bytes of `entry`'s content from `offset`: from the cache when it holds them. */
  async read(
    layer: LayerRef,
    index: LayerTable,
    entry: TarEntry,
    offset: number,
    length: number,
    options: { signal?: AbortSignal; batch?: BatchPredicate } = {},
  ): Promise<Uint8Array> {
    const from = Math.max(0, offset);
    const hit = this.cached(layer, entry, from, length);
    if (hit) return hit;
    const { batch, signal } = options;
    if (batch && layer.blobPath && entry.size <= BATCHED_FILE_LIMIT && batch(entry.path)) {
      await this.batch(layer, index, batch);
      const batched = this.cached(layer, entry, from, length);
      if (batched) return batched;
    }
    const len = Math.max(0, Math.min(length, entry.size - from));
    return this.direct(layer, index, entry.dataOffset + from, len, signal);
  }

  /** The bytes `read` would give when the cache holds them (no read, no wait); undefined otherwise. */
  peek(layer: LayerRef, entry: TarEntry, offset: number, length: number): Uint8Array | undefined {
    return this.cached(layer, entry, Math.max(0, offset), length);
  }

  private cached(layer: LayerRef, entry: TarEntry, offset: number, length: number): Uint8Array | undefined {
    const passes = layer.blobPath ? this.kept.get(layer.blobPath) : undefined;
    const kept = passes && keptFile(passes, entry.dataOffset);
    return kept ? readSparse(kept, offset, length) : undefined;
  }

  /** One decoding pass over the layer, keeping what ELF, magic-number and database reads need. */
  warm(layer: LayerRef, index: LayerTable, signal?: AbortSignal): Promise<void> {
    const path = layer.blobPath;
    if (!path) return Promise.resolve();
    // A plain layer in a spill held in memory: keeping its ELF ranges (headers and dynamic tables of every
    // library) would hold those bytes twice.
    if (index.compression === 'none' && this.scan.cheapReads === true) return Promise.resolve();
    // One pass per blob, shared: a background warm-up and a view that needs it wait on the same one.
    let pass = this.warming.get(path);
    if (!pass) {
      pass = this.prefetchBlob(path, index, signal).then(
        (kept) => {
          if (kept) this.keep(path, kept);
        },
        (error: unknown) => {
          this.warming.delete(path);
          throw error;
        },
      );
      this.warming.set(path, pass);
    }
    return pass;
  }

  /** The files kept of a layer blob, by data offset (a warm pass's ranges, whole files of batches). */
  keptOf(layer: LayerRef): ReadonlyMap<number, SparseFile> | undefined {
    const passes = layer.blobPath === null ? undefined : this.kept.get(layer.blobPath);
    if (passes === undefined || passes.length <= 1) return passes?.[0];
    const merged = new Map<number, SparseFile>();
    for (const pass of passes)
      for (const offset of pass.keys()) merged.set(offset, keptFile(passes, offset)!);
    return merged;
  }

  /** What a layer's index pass may keep if it starts now: what is left of keptLimit (layers in flight share it). */
  get keptRoom(): number {
    return Math.max(0, this.keptLimit - this.adoptedBytes);
  }

  /**
   * What the index pass kept of a layer (ArchiveSession.indexImage keepContents), if it fits in what is left
   * of keptLimit: that layer then counts as warm. Past it, nothing is kept and a warm-up reads the layer again.
   */
  adopt(path: string, files: ReadonlyMap<number, SparseFile>): void {
    const cost = keptCost(files);
    if (this.adoptedBytes + cost > this.keptLimit) return;
    this.adoptedBytes += cost;
    this.keep(path, files);
    if (!this.warming.has(path)) this.warming.set(path, Promise.resolve());
  }

  private keep(path: string, files: ReadonlyMap<number, SparseFile>): void {
    const passes = this.kept.get(path);
    if (passes) passes.push(files);
    else this.kept.set(path, [files]);
  }

  /**
   * Plain layers too: in a browser each small read is its own File.slice(), and one sequential pass
   * is far cheaper than thousands of them.
   */
  private async prefetchBlob(
    path: string,
    index: LayerTable,
    signal?: AbortSignal,
  ): Promise<ReadonlyMap<number, SparseFile> | undefined> {
    return withGzipFallback(this.env, (gunzip) => {
      const blob = this.scan.openBlob(path, signal);
      if (!blob) return Promise.resolve(undefined);
      return prefetchLayer(decoderFor(index.compression, this.env, gunzip)(blob), index.entries);
    });
  }

  private batch(layer: LayerRef, index: LayerTable, wanted: BatchPredicate): Promise<void> {
    const path = layer.blobPath!;
    let perBlob = this.batches.get(wanted);
    if (!perBlob) this.batches.set(wanted, (perBlob = new Map<string, Promise<void>>()));
    let pass = perBlob.get(path);
    if (!pass) {
      pass = this.fetchBatch(layer, index, wanted).catch((error: unknown) => {
        perBlob.delete(path);
        throw error;
      });
      perBlob.set(path, pass);
    }
    return pass;
  }

  private async fetchBatch(layer: LayerRef, index: LayerTable, wanted: BatchPredicate): Promise<void> {
    // Rows are checked by their columns first: only the wanted files become TarEntry objects.
    const table = index.entries;
    const entries: TarEntry[] = [];
    for (let row = 0; row < table.length; row++) {
      const size = table.size(row);
      if (table.kind(row) !== 'file' || size === 0 || size > BATCHED_FILE_LIMIT) continue;
      const path = table.path(row);
      if (wanted(path)) entries.push(table.entry(row, path));
    }
    entries.sort((a, b) => a.dataOffset - b.dataOffset);
    const files = new Map<number, SparseFile>();
    for (const span of spansOf(entries)) {
      // A span over several neighbouring entries is read as one, with one decode from the layer's start.
      const data = await this.direct(layer, index, span.start, span.end - span.start);
      for (const e of entries) {
        if (e.dataOffset < span.start || e.dataOffset + e.size > span.end) continue;
        const at = e.dataOffset - span.start;
        if (data.length >= at + e.size)
          files.set(e.dataOffset, {
            size: e.size,
            ranges: [{ offset: 0, bytes: data.subarray(at, at + e.size) }],
          });
      }
    }
    this.keep(layer.blobPath!, files);
  }
}

/**
 * A file as the passes that kept it have it: the latest pass's, except that a whole file (a batch, or a database
 * a warm pass kept) is never replaced by mere ranges.
 */
function keptFile(
  passes: readonly ReadonlyMap<number, SparseFile>[],
  offset: number,
): SparseFile | undefined {
  let found: SparseFile | undefined;
  for (let i = passes.length - 1; i >= 0; i--) {
    const file = passes[i]!.get(offset);
    if (file === undefined) continue;
    if (isWhole(file)) return file;
    found ??= file;
  }
  return found;
}

function isWhole(file: SparseFile): boolean {
  const first = file.ranges[0];
  return (
    file.ranges.length === 1 && first !== undefined && first.offset === 0 && first.bytes.length === file.size
  );
}
