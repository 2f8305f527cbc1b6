/**
 * The one pass over a compressed outer archive (.tar.gz, .tar.zst), which has no random access: decoded
 * once, it keeps small entries (metadata) in memory, indexes large ones as layers on the way (in this
 * thread, or handed to an indexer elsewhere while the pass reads on: ScanOptions.indexStream) and spills
 * the decoded tar (CoreEnv.createSpill) so that later reads are ranged reads of a plain tar.
 */
import { readRange, throwIfAborted, type ByteSource } from '../io/byte-source';
import { MultiMemberGzipError, decoderFor, type Compression, type CoreEnv } from '../io/env';
import type { Spill } from '../io/spill';
import { ByteQueue } from '../io/async-queue';
import { TarFormatError, TarParser } from '../io/tar-parser';
import { indexLayer, type LayerTable } from './index-layer';
import { ArchiveError } from './archive-error';
import { DEFAULT_MAX_ENTRIES, EntryTable, outerTarError, rangedScan, toOuter } from './outer-entries';
import type { OuterScan, ScanOptions } from './outer-scan';

/** In a one-pass scan, entries up to this size are kept in memory (configs, manifests, indexes). */
const SMALL = 4 * 1024 * 1024;
const MAX_SMALL_TOTAL = 256 * 1024 * 1024;
/**
 * Decoded bytes of one layer queued for an indexer elsewhere before the pass waits: with a layer per worker
 * in flight and one waiting for a worker, what the pass holds stays a few times this, whatever the size.
 */
const STREAM_QUEUE_BYTES = 4 * 1024 * 1024;

export async function scanStreamed(
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
  let spill: Spill | undefined;
  /** Why the decoded bytes could not be kept (here, or by an indexer writing its layer into the spill). */
  let spillFailure: string | undefined;

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
      // The layer's indexer writes its bytes into the spill itself where it can: the spill's writes were
      // the larger part of this thread's time after the decoder (bench/README.md#outer-compressed-archives).
      const share = options.indexStream && spill?.share?.(entry.dataOffset, entry.size);
      const indexing = options.indexStream
        ? options.indexStream(q, {
            signal: options.signal,
            limits: options.limits,
            ...(share && { spill: share, onSpillFailed: (message) => (spillFailure ??= message) }),
          })
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
  spill = await env.createSpill?.(source.name).catch(() => undefined);
  try {
    for await (const chunk of decoder(input)) {
      throwIfAborted(options.signal);
      // Parsed before it is spilled: a layer's header comes before its bytes, so a layer shared with its
      // indexer (Spill.share) is known before the spill reaches it.
      if (!parser.ended) parser.push(chunk);
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
  // A layer's indexer could not write its part (Spill.share): the spill has a hole and is given up.
  if (spill && spillFailure !== undefined) {
    await spill.discard().catch(() => undefined);
    spill = undefined;
  }
  if (spill) {
    const spilled = await spill.finish();
    return rangedScan(
      spilled,
      table,
      compression,
      undefined,
      prefetched,
      () => spilled.close(),
      spilled.cheapReads === true,
    );
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
