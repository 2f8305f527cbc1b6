/**
 * The outer archive: index every entry (name, offset, size, link) before reading any metadata, because
 * manifest.json may come last (go-containerregistry) or in the middle (containerd sorts by name)
 * (docs/archive-formats.md#reading-an-archive). A plain tar is walked header by header with ranged reads,
 * jumping over blobs. A compressed outer archive (.tar.gz, .tar.zst) has no random access: it is decoded in
 * one pass that keeps small entries (metadata) in memory and indexes large ones as layers on the way (in
 * this thread, or handed to an indexer elsewhere while the pass reads on: ScanOptions.indexStream).
 * It stays one file of ~400 lines because both walks share the entry table and the spill of the decoded pass.
 */
import type { EntryKind } from '../model/tar-entry';
import { readFully, readRange, throwIfAborted, type ByteSource } from '../io/byte-source';
import { parentPath, resolveRelative } from '../model/path';
import {
  MultiMemberGzipError,
  decoderFor,
  sniffCompression,
  withGzipFallback,
  type Compression,
  type CoreEnv,
} from '../io/env';
import { ByteQueue } from '../io/async-queue';
import { TarFormatError, TarParser } from '../io/tar-parser';
import { indexLayer, type LayerTable } from './index-layer';
import type { DecodeLimits } from '../io/decode-limits';
import { ArchiveError } from './archive-error';

export interface OuterEntry {
  /** Relative normalized path inside the archive, e.g. "blobs/sha256/ab…", "manifest.json". */
  readonly path: string;
  readonly kind: EntryKind;
  readonly size: number;
  /** Offset of the content in the (uncompressed) outer stream. */
  readonly offset: number;
  readonly linkTarget: string;
}

export interface ScanProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export interface OuterScan {
  readonly compression: Compression;
  readonly entries: ReadonlyMap<string, OuterEntry>;
  /**
   * Whether blobs can be read again later: true for a plain tar, and for a compressed one whose decoded
   * bytes were spilled during the pass (CoreEnv.createSpill).
   */
  readonly randomAccess: boolean;
  /** Without random access, why the decoded bytes could not be kept (a sentence), if they were meant to be. */
  readonly unreadableBecause?: string | undefined;
  /** Layers indexed during a one-pass scan, by outer path (compressed outer archives only). */
  readonly prefetched: ReadonlyMap<string, LayerTable | Error>;
  /** Where a truncated archive ends; entries past it are cut off. */
  readonly truncatedAt: number | undefined;
  /** The content of a (small) entry, following symlinks inside the archive. */
  readSmall(path: string, maxBytes: number): Promise<Uint8Array>;
  /** The content of an entry as a stream of chunks; undefined when it can't be read again. */
  openBlob(
    path: string,
    signal?: AbortSignal,
    onRead?: (n: number) => void,
  ): AsyncIterable<Uint8Array> | undefined;
  /** Bytes [offset, offset + length) of an entry's content; undefined without random access. */
  readAt(path: string, offset: number, length: number): Promise<Uint8Array> | undefined;
  /** Follow symlink entries (one hop each, relative to the link's directory), at most 8 hops. */
  resolve(path: string): OuterEntry | undefined;
  /** Give back what the scan holds outside memory (a compressed archive's spilled bytes). */
  close(): Promise<void>;
}

export interface ScanOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
  /** Layers indexed in a one-pass scan report here. */
  onPrefetched?: (path: string, result: LayerTable | Error) => void;
  maxEntries?: number;
  limits?: DecodeLimits;
  /**
   * Index a layer of a compressed outer archive elsewhere (the page's layer workers) from its bytes as
   * the pass decodes them: the pass then goes on to the next entry while earlier layers are still being
   * indexed. Without it, each layer is indexed in this thread before the pass reads on.
   */
  indexStream?: (
    chunks: AsyncIterable<Uint8Array>,
    options: { signal?: AbortSignal; limits?: DecodeLimits },
  ) => Promise<LayerTable>;
}

const WINDOW = 256 * 1024;
/** In a one-pass scan, entries up to this size are kept in memory (configs, manifests, indexes). */
const SMALL = 4 * 1024 * 1024;
const MAX_SMALL_TOTAL = 256 * 1024 * 1024;
const DEFAULT_MAX_ENTRIES = 1_000_000;
/**
 * Decoded bytes of one layer queued for an indexer elsewhere before the pass waits: with a layer per worker
 * in flight and one waiting for a worker, what the pass holds stays a few times this, whatever the size.
 */
const STREAM_QUEUE_BYTES = 4 * 1024 * 1024;

export async function scanOuter(
  source: ByteSource,
  env: CoreEnv,
  options: ScanOptions = {},
): Promise<OuterScan> {
  if (source.size === 0) throw ArchiveError.of('empty', 'file-empty');
  const head = await readFully(source, 0, 512);
  const compression = sniffCompression(head);
  if (compression === 'bzip2' || compression === 'xz') {
    throw ArchiveError.of('unsupported-compression', 'compressed-with', {
      compression,
      tool: compression === 'xz' ? 'xz -d' : 'bunzip2',
    });
  }
  if (compression === 'none') return scanRanged(source, options);
  return withGzipFallback(env, (gunzip) => scanStreamed(source, env, compression, gunzip, options));
}

class EntryTable {
  readonly entries = new Map<string, OuterEntry>();
  constructor(private readonly max: number) {}

  add(entry: OuterEntry): void {
    if (this.entries.size >= this.max) {
      throw ArchiveError.of('too-many-entries', 'too-many-entries', { max: this.max });
    }
    // Of duplicate names the last one wins, as tar extraction would leave it.
    this.entries.set(entry.path, entry);
  }

  resolve(path: string): OuterEntry | undefined {
    let entry = this.entries.get(path);
    for (let hop = 0; entry?.kind === 'symlink' || entry?.kind === 'hardlink'; hop++) {
      if (hop >= 8) return undefined;
      const target: string =
        entry.kind === 'hardlink'
          ? entry.linkTarget.replace(/^\/+/, '')
          : joinLink(entry.path, entry.linkTarget);
      entry = this.entries.get(target);
    }
    return entry;
  }
}

/** podman writes `<v1id>/layer.tar` as a symlink to `../<diffid>.tar`: relative to the link's directory. */
function joinLink(linkPath: string, target: string): string {
  return resolveRelative(parentPath(`/${linkPath}`), target).slice(1);
}

function toOuter(path: string): string {
  return path.replace(/^\/+/, '');
}

async function scanRanged(source: ByteSource, options: ScanOptions): Promise<OuterScan> {
  const table = new EntryTable(options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  let truncatedAt: number | undefined;
  const parser = new TarParser({
    onEntry(entry) {
      if (entry.path !== '/') {
        table.add({
          path: toOuter(entry.path),
          kind: entry.kind,
          size: entry.size,
          offset: entry.dataOffset,
          linkTarget: entry.linkTarget,
        });
      }
      return false;
    },
  });
  let offset = 0;
  try {
    while (offset < source.size && !parser.ended) {
      throwIfAborted(options.signal);
      const slice = await source.read(offset, WINDOW);
      parser.push(slice);
      offset += slice.length;
      offset += parser.skipRemaining();
      options.onProgress?.({ bytesRead: Math.min(offset, source.size), totalBytes: source.size });
    }
    if (offset > source.size) truncatedAt = source.size;
    else if (!parser.ended) parser.end();
  } catch (error) {
    // A truncated archive keeps what was listed: the layers before the cut are still readable.
    if (
      !(error instanceof TarFormatError) ||
      !error.message.includes('ends early') ||
      table.entries.size === 0
    ) {
      throw outerTarError(error, parser.entryCount, source.size);
    }
    truncatedAt = source.size;
  }
  if (table.entries.size === 0) throw ArchiveError.of('not-an-image', 'empty-tar');
  return rangedScan(source, table, 'none', truncatedAt, new Map(), () => Promise.resolve());
}

/** Reads of entries by their offsets in a plain tar: the archive itself, or a compressed one's spill. */
function rangedScan(
  source: ByteSource,
  table: EntryTable,
  compression: Compression,
  truncatedAt: number | undefined,
  prefetched: ReadonlyMap<string, LayerTable | Error>,
  close: () => Promise<void>,
): OuterScan {
  return {
    compression,
    truncatedAt,
    entries: table.entries,
    randomAccess: true,
    prefetched,
    close,
    resolve: (path) => table.resolve(path),
    async readSmall(path, maxBytes) {
      const entry = table.resolve(path);
      if (entry?.kind !== 'file') throw ArchiveError.of('missing-blob', 'no-file', { path });
      if (entry.size > maxBytes)
        throw ArchiveError.of('absurd-size', 'metadata-too-large', { path, size: entry.size });
      if (entry.offset + entry.size > source.size) {
        throw ArchiveError.of('truncated', 'truncated-inside', { at: source.size, path });
      }
      return readFully(source, entry.offset, entry.size);
    },
    openBlob(path, signal, onRead) {
      const entry = table.resolve(path);
      if (entry?.kind !== 'file') return undefined;
      return readRange(source, entry.offset, entry.size, { signal, onRead });
    },
    readAt(path, offset, length) {
      const entry = table.resolve(path);
      if (entry?.kind !== 'file') return undefined;
      const start = Math.min(entry.size, Math.max(0, offset));
      return readFully(source, entry.offset + start, Math.min(length, entry.size - start));
    },
  };
}

function outerTarError(error: unknown, entryCount: number, size: number): unknown {
  if (!(error instanceof TarFormatError)) return error;
  if (entryCount === 0) {
    return ArchiveError.of('not-a-tar', 'not-a-tar');
  }
  if (error.message.includes('ends early') || error.message.includes('cut off')) {
    return ArchiveError.of('truncated', 'truncated-entry', { at: size });
  }
  return ArchiveError.of('corrupt', 'damaged', { detail: error.message });
}

async function scanStreamed(
  source: ByteSource,
  env: CoreEnv,
  compression: Compression,
  gunzip: CoreEnv['gunzip'],
  options: ScanOptions,
): Promise<OuterScan> {
  const table = new EntryTable(options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  const small = new Map<string, Uint8Array>();
  const prefetched = new Map<string, LayerTable | Error>();
  let smallTotal = 0;
  let bytesRead = 0;
  let captured: { path: string; bytes: Uint8Array; fill: number } | undefined;
  let queue: ByteQueue | undefined;
  let pendingIndex: Promise<void> | undefined;
  /** Layers handed to options.indexStream and not yet indexed: the pass does not wait for them. */
  const streamed: Promise<void>[] = [];

  const parser = new TarParser({
    onEntry(entry) {
      if (entry.path === '/') return false;
      const path = toOuter(entry.path);
      table.add({
        path,
        kind: entry.kind,
        size: entry.size,
        offset: entry.dataOffset,
        linkTarget: entry.linkTarget,
      });
      if (entry.kind !== 'file' || entry.size === 0) return false;
      if (entry.size <= SMALL) {
        smallTotal += entry.size;
        if (smallTotal > MAX_SMALL_TOTAL) throw ArchiveError.of('too-many-entries', 'too-much-small');
        captured = { path, bytes: new Uint8Array(entry.size), fill: 0 };
        return true;
      }
      const q = options.indexStream ? new ByteQueue(STREAM_QUEUE_BYTES) : new ByteQueue();
      queue = q;
      const indexing = options.indexStream
        ? options.indexStream(q, { signal: options.signal, limits: options.limits })
        : indexLayer(() => q, env, { canRestart: false, signal: options.signal, limits: options.limits });
      const settled = indexing.then(
        (index) => {
          prefetched.set(path, index);
          options.onPrefetched?.(path, index);
        },
        (error: unknown) => {
          q.discard();
          const failure = error instanceof Error ? error : new Error(String(error));
          prefetched.set(path, failure);
          options.onPrefetched?.(path, failure);
        },
      );
      if (options.indexStream) streamed.push(settled);
      else pendingIndex = settled;
      return true;
    },
    onData(_entry, chunk) {
      if (captured) {
        captured.bytes.set(chunk, captured.fill);
        captured.fill += chunk.length;
      } else queue?.push(chunk);
    },
    onEntryEnd() {
      if (captured) small.set(captured.path, captured.bytes);
      captured = undefined;
      queue?.close();
      queue = undefined;
    },
  });

  const decoder = decoderFor(compression, env, gunzip);
  const input = readRange(source, 0, source.size, {
    signal: options.signal,
    onRead: (n) => (bytesRead += n),
  });
  let spill = await env.createSpill?.(source.name).catch(() => undefined);
  let spillFailure: string | undefined;
  try {
    for await (const chunk of decoder(input)) {
      throwIfAborted(options.signal);
      if (spill) {
        try {
          await spill.write(chunk);
        } catch (error) {
          // No room for the decoded copy (a disk or storage quota): the pass goes on and still indexes
          // every layer; only file contents stay out of reach.
          spillFailure = error instanceof Error ? error.message : String(error);
          await spill.discard().catch(() => undefined);
          spill = undefined;
        }
      }
      if (!parser.ended) parser.push(chunk);
      if (queue) await queue.drained();
      if (pendingIndex && !queue) {
        await pendingIndex;
        pendingIndex = undefined;
      }
      options.onProgress?.({ bytesRead, totalBytes: source.size });
    }
    parser.end();
  } catch (error) {
    queue?.fail(error);
    await spill?.discard().catch(() => undefined);
    if (error instanceof MultiMemberGzipError) throw error;
    if (error instanceof TarFormatError) throw outerTarError(error, parser.entryCount, source.size);
    if (error instanceof ArchiveError || (error instanceof Error && error.name === 'AbortedError'))
      throw error;
    throw ArchiveError.of('corrupt', 'compression-damaged', {
      compression,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  try {
    await pendingIndex;
    await Promise.all(streamed);
    if (table.entries.size === 0) throw ArchiveError.of('not-an-image', 'empty-archive');
  } catch (error) {
    await spill?.discard().catch(() => undefined);
    throw error;
  }
  if (spill) {
    const spilled = await spill.finish();
    return rangedScan(spilled, table, compression, undefined, prefetched, () => spilled.close());
  }
  return {
    compression,
    truncatedAt: undefined,
    entries: table.entries,
    randomAccess: false,
    unreadableBecause: spillFailure,
    prefetched,
    close: () => Promise.resolve(),
    resolve: (path) => table.resolve(path),
    readSmall(path, maxBytes) {
      const entry = table.resolve(path);
      const bytes = entry ? small.get(entry.path) : undefined;
      if (!entry || entry.kind !== 'file')
        return Promise.reject(ArchiveError.of('missing-blob', 'no-file', { path }));
      if (entry.size > maxBytes || !bytes) {
        return Promise.reject(
          ArchiveError.of('absurd-size', 'metadata-too-large', { path, size: entry.size }),
        );
      }
      return Promise.resolve(bytes);
    },
    readAt(path, offset, length) {
      const entry = table.resolve(path);
      const bytes = entry ? small.get(entry.path) : undefined;
      return bytes ? Promise.resolve(bytes.subarray(offset, offset + length)) : undefined;
    },
    openBlob(path) {
      const entry = table.resolve(path);
      const bytes = entry ? small.get(entry.path) : undefined;
      if (!bytes) return undefined;
      return (async function* one() {
        yield await Promise.resolve(bytes);
      })();
    },
  };
}
