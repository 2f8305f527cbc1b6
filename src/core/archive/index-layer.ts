/**
 * Index one layer blob as a stream: sniff its compression, decode, hash both the stored bytes (the layer
 * digest) and the decoded bytes (the diff_id, over the whole stream: end marker, GNU padding and an estargz
 * TOC after the marker included: docs/archive-formats.md#identities), and list its tar entries.
 */
import { EntryTableBuilder, type EntryTable } from '../model/entry-table';
import {
  MultiMemberGzipError,
  decoderFor,
  withGzipFallback,
  sniffCompression,
  type Compression,
  type CoreEnv,
  type Decoder,
} from '../io/env';
import { TarFormatError, TarParser } from '../io/tar-parser';
import { AbortedError, throwIfAborted } from '../io/byte-source';
import { DEFAULT_DECODE_LIMITS, decodeLimitExceeded, type DecodeLimits } from '../io/decode-limits';
import { LayerPrefetch, type SparseFile } from '../session/elf-prefetch';
import { renderSentence, type Sentence } from './archive-error';
import type { SentenceName, SentenceParams } from './error-sentences';

/** What indexing one layer blob yields: its compression, sizes, digests and its table of tar entries. */
export interface LayerTable {
  readonly compression: Compression;
  /** Bytes of the blob as stored. */
  readonly storedSize: number;
  /** sha256 of the stored bytes. */
  readonly digest: string;
  /**
   * Bytes of the uncompressed layer tar: podman's SIZE (docs/archive-formats.md#what-podman-history-prints).
   */
  readonly size: number;
  /** sha256 of the uncompressed stream. */
  readonly diffId: string;
  /** The layer's tar entries in tar order, as columns (model/entry-table.ts). */
  readonly entries: EntryTable;
  /** Sum of the regular files' sizes: dive's layer size (docs/archive-formats.md#dives-figures). */
  readonly fileBytes: number;
  readonly warnings: readonly string[];
  /** Each warning's sentence, for the page to say in its language (null: English only). */
  readonly warningSentences?: readonly (Sentence | null)[];
}

/** One layer could not be read; a sentence made by `LayerError.of` carries its name for the page's language. */
export class LayerError extends Error {
  override name = 'LayerError';
  constructor(
    message: string,
    readonly sentence?: Sentence,
  ) {
    super(message);
  }

  static of(name: SentenceName, params: SentenceParams = {}): LayerError {
    return new LayerError(renderSentence(name, params), { name, params });
  }
}

/** Byte offsets in tar sentences are written as the parser writes them: plain digits, no grouping. */
function tarFault(error: TarFormatError, first: boolean): LayerError {
  if (first) return LayerError.of('layer-not-tar');
  const at = String(error.offset);
  if (error.fault === 'bad-checksum') return LayerError.of('layer-tar-bad-checksum', { at });
  if (error.fault === 'bad-size') return LayerError.of('layer-tar-bad-size', { at });
  return LayerError.of('layer-tar-damaged', { detail: error.message });
}

export interface IndexLayerOptions {
  signal?: AbortSignal;
  /** Decoded bytes so far, for progress. */
  onProgress?: (decodedBytes: number) => void;
  /** Whether `open` can be called again (ranged reads can; a single streamed pass cannot). */
  canRestart: boolean;
  /** Hard cap on entries, against hostile layers. */
  maxEntries?: number;
  /** Decompression bomb limits (docs/limits.md). */
  limits?: DecodeLimits;
  /**
   * Keep, in the same pass, what the ELF and package reads need (session/elf-prefetch.ts), and hand it
   * over when the layer is indexed: the layer is then not decoded a second time by warmContents.
   */
  onKept?: (kept: ReadonlyMap<number, SparseFile>) => void;
  /** At most this many bytes are kept; past it nothing is, onKept is not called and a view reads the layer again. */
  keepLimit?: number;
  /**
   * The stored bytes' sha256 (lowercase hex), computed elsewhere from the same bytes (the page's layer worker
   * digests a small layer's range of the File in one WebCrypto call): the stream is then not hashed here as
   * stored, and a layer stored uncompressed, whose diff_id is the same digest, is not hashed here at all.
   * Called once per pass.
   */
  storedDigest?: () => Promise<string>;
}

const DEFAULT_MAX_ENTRIES = 5_000_000;

export async function indexLayer(
  open: () => AsyncIterable<Uint8Array>,
  env: CoreEnv,
  options: IndexLayerOptions,
): Promise<LayerTable> {
  // A single streamed pass cannot start over: it takes the decoder that continues past gzip member ends.
  if (!options.canRestart) return indexOnce(open(), env, options, env.gunzipPortable);
  return withGzipFallback(env, (gunzip) => indexOnce(open(), env, options, gunzip));
}

async function indexOnce(
  input: AsyncIterable<Uint8Array>,
  env: CoreEnv,
  options: IndexLayerOptions,
  gunzip: Decoder,
): Promise<LayerTable> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  const sniffed = sniffCompression(head);
  if (sniffed === 'bzip2' || sniffed === 'xz') {
    throw LayerError.of('layer-odd-compression', { compression: sniffed });
  }
  const compression: Compression = sniffed;
  const storedDigest = options.storedDigest?.();
  // Awaited after the pass; a pass that fails first leaves it unobserved.
  storedDigest?.catch(() => undefined);
  const storedHasher = storedDigest ? undefined : await env.createSha256();
  const diffHasher = compression === 'none' ? storedHasher : await env.createSha256();
  // The stored bytes go through a hasher of their own only when they are not the decoded bytes.
  const storedOnly = compression === 'none' ? undefined : storedHasher;
  let storedSize = 0;
  async function* stored(): AsyncGenerator<Uint8Array> {
    if (!first.done) {
      storedSize += head.length;
      await storedOnly?.update(head);
      yield head;
    }
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      storedSize += next.value.length;
      await storedOnly?.update(next.value);
      yield next.value;
    }
  }
  const decoded = decoderFor(compression, env, gunzip)(stored());

  const entries = new EntryTableBuilder();
  const warnings: string[] = [];
  const warningSentences: (Sentence | null)[] = [];
  let fileBytes = 0;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const prefetch = options.onKept ? new LayerPrefetch(options.keepLimit) : undefined;
  const parser = new TarParser({
    onEntry(entry) {
      if (entries.length >= maxEntries) {
        throw LayerError.of('layer-too-many-entries', { max: maxEntries });
      }
      entries.add(entry);
      prefetch?.add(entry);
      if (entry.kind === 'file') fileBytes += entry.size;
      return false;
    },
    onWarning(message, escaped) {
      if (warnings.length >= 100) return;
      warnings.push(message);
      warningSentences.push(escaped ? { name: 'tar-name-escapes', params: escaped } : null);
    },
  });
  let size = 0;
  const limits = options.limits ?? DEFAULT_DECODE_LIMITS;
  try {
    for await (const chunk of decoded) {
      throwIfAborted(options.signal);
      await diffHasher?.update(chunk);
      size += chunk.length;
      const bomb = decodeLimitExceeded(size, storedSize, limits);
      if (bomb !== undefined) throw new LayerError(bomb.message, { name: bomb.name, params: bomb.params });
      if (!parser.ended) parser.push(chunk);
      // After the parser: every entry whose content starts in this chunk has been announced.
      prefetch?.push(chunk);
      options.onProgress?.(size);
    }
    parser.end();
  } catch (error) {
    if (error instanceof AbortedError || error instanceof MultiMemberGzipError || error instanceof LayerError)
      throw error;
    if (error instanceof TarFormatError) {
      throw tarFault(error, parser.entryCount === 0 && error.offset === 0);
    }
    throw new LayerError(error instanceof Error ? error.message : String(error));
  }
  if (storedSize === 0) throw LayerError.of('layer-empty');
  const storedHex = async () => (storedHasher ? storedHasher.digestHex() : storedDigest!);
  const diffId = `sha256:${await (diffHasher ? diffHasher.digestHex() : storedHex())}`;
  if (prefetch && !prefetch.overflowed) options.onKept?.(prefetch.finish());
  return {
    compression,
    storedSize,
    digest: compression === 'none' ? diffId : `sha256:${await storedHex()}`,
    size,
    diffId,
    entries: entries.finish(),
    fileBytes,
    warnings,
    warningSentences,
  };
}
