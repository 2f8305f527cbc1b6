/**
 * The outer archive: index every entry (name, offset, size, link) before reading any metadata, because
 * manifest.json may come last (go-containerregistry) or in the middle (containerd sorts by name)
 * (docs/archive-formats.md#reading-an-archive). A plain tar is walked header by header with ranged reads,
 * jumping over blobs. A compressed outer archive (.tar.gz, .tar.zst) has no random access: it is decoded in
 * one pass that keeps small entries (metadata) in memory and indexes large ones as layers on the way (in
 * this thread, or handed to an indexer elsewhere while the pass reads on: ScanOptions.indexStream).
 * The entry table and the reads by offset both walks end with are in outer-entries.ts, the one pass in
 * outer-stream-scan.ts.
 */
import type { EntryKind } from '../model/tar-entry';
import { readFully, throwIfAborted, type ByteSource } from '../io/byte-source';
import { sniffCompression, withGzipFallback, type Compression, type CoreEnv } from '../io/env';
import { TarFormatError, TarParser } from '../io/tar-parser';
import type { LayerTable } from './index-layer';
import type { DecodeLimits } from '../io/decode-limits';
import type { SpillShare } from '../io/spill';
import { ArchiveError } from './archive-error';
import { DEFAULT_MAX_ENTRIES, EntryTable, outerTarError, rangedScan, toOuter } from './outer-entries';
import { scanStreamed } from './outer-stream-scan';

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
  /** Blobs are read from a spill in memory, whose ranged reads cost a copy (SpillSource.cheapReads). */
  readonly cheapReads?: boolean;
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
    options: {
      signal?: AbortSignal;
      limits?: DecodeLimits;
      /** Where the indexer writes the layer's bytes into the spill itself (Spill.share); absent: the pass does. */
      spill?: SpillShare;
      onSpillFailed?: (message: string) => void;
    },
  ) => Promise<LayerTable>;
}

const WINDOW = 256 * 1024;

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
