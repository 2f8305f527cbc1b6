/**
 * One opened archive: its outer index, its images, and the layer indexes built so far. Layers are
 * indexed on demand per image and shared between images by blob path (a base layer is read once).
 * This is what the worker keeps and what the CLI builds per command.
 */
import type { ArchiveInfo, ImageRecord, LayerRef } from '../image/model';
import type { CoreEnv } from '../io/env';
import type { ByteSource } from '../io/byte-source';
import { AbortedError } from '../io/byte-source';
import { scanOuter, type OuterScan } from '../archive/outer-scan';
import { readArchive } from '../archive/read-archive';
import { indexLayer, LayerError, type LayerTable } from '../archive/index-layer';
import type { DecodeLimits } from '../io/decode-limits';
import { ArchiveError, renderSentence } from '../archive/archive-error';
import type { TarEntry } from '../model/tar-entry';
import { EntryTable } from '../model/entry-table';
import { buildLayerStack, type ContentReader, type LayerStack } from '../layers';
import { ContentCache, type BatchPredicate } from './content-cache';
import { ONE_AT_A_TIME, type LayerIndexer } from './layer-indexer';
import type { SparseFile } from './elf-prefetch';
import { verifiedStatus, type LayerStatus } from './layer-status';

export type { LayerState, LayerStatus } from './layer-status';

export interface OpenProgress {
  readonly phase: 'scanning' | 'indexing' | 'done';
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export interface SessionOptions {
  signal?: AbortSignal;
  onProgress?: (progress: OpenProgress) => void;
  /** How layers are indexed: how many at once, and where (default: one at a time, in this thread). */
  indexer?: LayerIndexer;
  /** Decompression bomb limits; generous defaults (docs/limits.md). */
  limits?: DecodeLimits;
  /** Bytes the index pass may keep for later reads (keepContents); KEPT_CONTENTS_LIMIT (content-cache.ts) when absent. */
  keptLimit?: number;
}

export class ArchiveSession {
  private readonly statuses = new Map<string, LayerStatus>();
  private readonly stacks = new Map<string, LayerStack>();
  private readonly contents: ContentCache;
  /** Layers being indexed, by blob path: an image naming one blob twice reads it once. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private bytesRead: number;
  private limits: DecodeLimits | undefined;

  private constructor(
    readonly source: ByteSource,
    private readonly env: CoreEnv,
    readonly scan: OuterScan,
    readonly info: ArchiveInfo,
    private readonly indexer: LayerIndexer,
    keptLimit: number | undefined,
  ) {
    // A compressed archive was read whole by the scan, its layers indexed on the way.
    this.bytesRead = scan.compression === 'none' ? 0 : source.size;
    this.contents = new ContentCache(scan, env, keptLimit === undefined ? {} : { keptLimit });
  }

  static async open(source: ByteSource, env: CoreEnv, options: SessionOptions = {}): Promise<ArchiveSession> {
    const indexStream = options.indexer?.indexStream?.bind(options.indexer);
    const scan = await scanOuter(source, env, {
      signal: options.signal,
      limits: options.limits,
      ...(indexStream ? { indexStream } : {}),
      onProgress: (p) =>
        options.onProgress?.({ phase: 'scanning', bytesRead: p.bytesRead, totalBytes: p.totalBytes }),
    });
    const sha256 = async (bytes: Uint8Array) => {
      const h = await env.createSha256();
      await h.update(bytes);
      return h.digestHex();
    };
    const read = await readArchive(scan, sha256);
    const info =
      scan.truncatedAt === undefined
        ? read
        : {
            ...read,
            warnings: [...read.warnings, renderSentence('archive-truncated', { at: scan.truncatedAt })],
            warningSentences: [
              ...read.warnings.map((_, i) => read.warningSentences?.[i] ?? null),
              { name: 'archive-truncated' as const, params: { at: scan.truncatedAt } },
            ],
          };
    const indexer = options.indexer ?? ONE_AT_A_TIME;
    const session = new ArchiveSession(source, env, scan, info, indexer, options.keptLimit);
    session.limits = options.limits;
    return session;
  }

  /** Give back what the archive holds outside memory (a compressed archive's decoded copy). */
  close(): Promise<void> {
    return this.scan.close();
  }

  /** How many layers indexImage reads at once. */
  get concurrency(): number {
    return this.indexer.concurrency;
  }

  /** Bytes of a layer's blob as stored in the archive; 0 when the archive does not hold it. */
  blobSize(layer: LayerRef): number {
    return layer.blobPath === null ? 0 : (this.scan.resolve(layer.blobPath)?.size ?? 0);
  }

  /** Layer-blob bytes read so far (ranged archives), for progress and throughput. */
  get bytesReadSoFar(): number {
    return this.bytesRead;
  }

  image(key: string): ImageRecord {
    const image = this.info.images.find((i) => i.key === key);
    if (!image) throw ArchiveError.of('no-such-image', 'no-such-image', { key });
    return image;
  }

  status(layer: LayerRef): LayerStatus {
    if (layer.blobPath === null) {
      return {
        state: 'absent',
        index: undefined,
        error: layer.absentReason ?? 'not included',
        errorSentence: layer.absentSentence ?? { name: 'absent-unknown', params: {} },
        verified: null,
        warnings: [],
        decodedBytes: 0,
        readBytes: 0,
      };
    }
    return (
      this.statuses.get(layer.blobPath) ?? {
        state: 'pending',
        index: undefined,
        error: undefined,
        verified: null,
        warnings: [],
        decodedBytes: 0,
        readBytes: 0,
      }
    );
  }

  /**
   * The merged trees and per-layer changes of an indexed image. A layer that could not be read
   * counts as empty (its row says why).
   */
  layerStack(image: ImageRecord): LayerStack {
    let stack = this.stacks.get(image.key);
    if (!stack) {
      stack = buildLayerStack(
        image.layers.map((layer) => this.status(layer).index?.entries ?? EntryTable.empty),
      );
      if (image.layers.every((layer) => ['done', 'failed', 'absent'].includes(this.status(layer).state))) {
        this.stacks.set(image.key, stack);
      }
    }
    return stack;
  }

  /**
   * Decode each compressed layer of an image once and keep the bytes that ELF, magic-number and
   * package-database reads need (content-cache.ts), so the views do not decode a layer per read.
   */
  async warmContents(image: ImageRecord, signal?: AbortSignal): Promise<void> {
    for (const layer of image.layers) {
      const index = this.status(layer).index;
      if (index) await this.contents.warm(layer, index, signal);
    }
  }

  /**
   * Up to `length` bytes of a file's content in layer `layerIndex`, from `offset`, through the
   * session's content cache; `batch` names the files of a layer worth fetching together.
   */
  async readEntry(
    image: ImageRecord,
    layerIndex: number,
    entry: TarEntry,
    offset: number,
    length: number,
    signal?: AbortSignal,
    batch?: BatchPredicate,
  ): Promise<Uint8Array> {
    const layer = image.layers[layerIndex];
    const index = layer ? this.status(layer).index : undefined;
    if (!layer || !index) throw ArchiveError.of('missing-blob', 'layer-not-read', { n: layerIndex + 1 });
    return this.contents.read(layer, index, entry, offset, length, {
      ...(signal ? { signal } : {}),
      ...(batch ? { batch } : {}),
    });
  }

  /**
   * What warmContents kept of a layer, by file data offset: the bytes ELF, package and loader-cache
   * reads need. Undefined before the warm-up; an index that outlives the session stores these.
   */
  keptContents(layer: LayerRef): ReadonlyMap<number, SparseFile> | undefined {
    return this.contents.keptOf(layer);
  }

  /** readEntry's bytes when the content cache holds them (kept by the index pass), at once; else undefined. */
  peekEntry(
    image: ImageRecord,
    layerIndex: number,
    entry: TarEntry,
    offset: number,
    length: number,
  ): Uint8Array | undefined {
    const layer = image.layers[layerIndex];
    if (!layer || !this.status(layer).index) return undefined;
    return this.contents.peek(layer, entry, offset, length);
  }

  /** A layer stack's content reader over this image, through the content cache (and its peek). */
  contentReader(
    image: ImageRecord,
    options: { signal?: AbortSignal; batch?: BatchPredicate } = {},
  ): ContentReader {
    const read = (layer: number, entry: TarEntry, offset: number, length: number): Promise<Uint8Array> =>
      this.readEntry(image, layer, entry, offset, length, options.signal, options.batch);
    return Object.assign(read, {
      peek: (layer: number, entry: TarEntry, offset: number, length: number) =>
        this.peekEntry(image, layer, entry, offset, length),
    });
  }

  /** Bytes of the blobs an image's layers still need to read (for progress totals). */
  pendingBytes(image: ImageRecord): number {
    let total = 0;
    for (const layer of image.layers)
      if (this.status(layer).state === 'pending') total += this.blobSize(layer);
    return total;
  }

  /**
   * Index every layer of an image, several at once (the indexer's concurrency), bottom layers first,
   * reporting each state change. A failed layer is marked with its reason and the rest go on: one corrupt
   * layer never hides the others. Cancelling stops every layer in flight.
   */
  async indexImage(
    image: ImageRecord,
    options: {
      signal?: AbortSignal;
      onLayer?: (layer: LayerRef, status: LayerStatus) => void;
      onBytes?: (read: number) => void;
      /**
       * Keep what ELF and package reads need while each layer is indexed (as warmContents would, without
       * decoding the layer a second time): for callers that read the image's contents next.
       */
      keepContents?: boolean;
    } = {},
  ): Promise<void> {
    const queue = [...image.layers];
    const lanes = Math.max(1, Math.min(this.indexer.concurrency, queue.length));
    const lane = async () => {
      for (let layer = queue.shift(); layer; layer = queue.shift()) {
        if (options.signal?.aborted) throw new AbortedError();
        await this.indexLayerOnce(layer, options);
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
  }

  private async indexLayerOnce(
    layer: LayerRef,
    options: {
      signal?: AbortSignal;
      onLayer?: (layer: LayerRef, status: LayerStatus) => void;
      onBytes?: (read: number) => void;
      keepContents?: boolean;
    },
  ): Promise<void> {
    const path = layer.blobPath;
    const running = path === null ? undefined : this.inFlight.get(path);
    if (running) await running;
    const current = this.status(layer);
    if (current.state !== 'pending' || path === null) {
      options.onLayer?.(layer, current);
      return;
    }
    const set = (status: LayerStatus) => {
      this.statuses.set(path, status);
      options.onLayer?.(layer, status);
    };
    const work = (async () => {
      set({ ...current, state: 'indexing' });
      try {
        const index = await this.indexBlob(
          path,
          options.signal,
          (decoded) => {
            const s = this.statuses.get(path);
            if (s) this.statuses.set(path, { ...s, decodedBytes: decoded });
          },
          options.onBytes,
          options.keepContents === true ? (kept) => this.contents.adopt(path, kept) : undefined,
        );
        set(verifiedStatus(layer, index));
      } catch (error) {
        if (error instanceof AbortedError) {
          this.statuses.delete(path);
          throw error;
        }
        set({
          state: 'failed',
          index: undefined,
          error: sentence(error),
          ...(error instanceof LayerError && error.sentence ? { errorSentence: error.sentence } : {}),
          verified: null,
          warnings: [],
          decodedBytes: 0,
          readBytes: 0,
        });
      }
    })();
    this.inFlight.set(path, work);
    try {
      await work;
    } finally {
      this.inFlight.delete(path);
    }
  }

  private async indexBlob(
    path: string,
    signal: AbortSignal | undefined,
    onDecoded: (n: number) => void,
    onBytes: ((read: number) => void) | undefined,
    onKept?: (kept: ReadonlyMap<number, SparseFile>) => void,
  ): Promise<LayerTable> {
    const prefetched = this.scan.prefetched.get(path);
    if (prefetched instanceof Error) throw prefetched;
    if (prefetched) return prefetched;
    const entry = this.scan.resolve(path);
    if (entry && this.scan.truncatedAt !== undefined && entry.offset + entry.size > this.scan.truncatedAt) {
      throw ArchiveError.of('truncated', 'truncated-layer', { at: this.scan.truncatedAt });
    }
    const onRead = (n: number) => {
      this.bytesRead += n;
      const s = this.statuses.get(path);
      if (s) this.statuses.set(path, { ...s, readBytes: s.readBytes + n });
      onBytes?.(this.bytesRead);
    };
    // Each layer may keep at most what is left of the session's bound when it starts.
    const keep = onKept && { onKept, keepLimit: this.contents.keptRoom };
    // A plain outer tar: the blob is a range of the archive another thread can read by itself; what it
    // keeps for later reads comes back with its index.
    if (this.indexer.index && this.scan.compression === 'none' && entry?.kind === 'file') {
      return this.indexer.index(
        { offset: entry.offset, size: entry.size },
        {
          ...(signal ? { signal } : {}),
          ...(this.limits ? { limits: this.limits } : {}),
          ...keep,
          onRead,
          onDecoded,
        },
      );
    }
    const open = () => {
      const stream = this.scan.openBlob(path, signal, onRead);
      if (!stream) throw ArchiveError.of('missing-blob', 'layer-unreadable', { path });
      return stream;
    };
    return indexLayer(open, this.env, {
      signal,
      canRestart: this.scan.randomAccess,
      onProgress: onDecoded,
      limits: this.limits,
      ...keep,
    });
  }
}

export function sentence(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
