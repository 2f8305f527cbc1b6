/**
 * One layer indexed on a layer worker: the archive worker posts the File and the blob's range (no bytes:
 * the layer worker reads its own slices), the layer worker answers with progress and the LayerTable, or a
 * sentence. The runner is free of worker globals, so tests drive it over a MessageChannel in one thread.
 */
import {
  indexLayer,
  LayerError,
  packKept,
  packedBuffers,
  readRange,
  sentence,
  type CoreEnv,
  type DecodeLimits,
  type EntryColumns,
  type LayerTable,
  type PackedKept,
  type Sentence,
  type SparseFile,
  type SpillShare,
} from '../core';
import type { RemoteSha256 } from './remote-sha256';
import { openSpillPart } from './opfs-spill';
import { StreamInput } from './stream-input';
import { blobSource } from './web-env';
import { blobSha256, ONE_SHOT_MAX_BYTES, oneShotOrIncremental } from './web-sha256';

/**
 * A layer to index, read from the File (`index`) or posted in buffers by the archive worker's pass over a
 * compressed outer archive (`index-stream`, then `chunk`s and an `end`). Cancelling is terminating the
 * worker (layer-pool.ts): its memory goes at once.
 */
export type LayerJobRequest =
  | {
      readonly type: 'index';
      readonly id: number;
      readonly file: Blob;
      readonly offset: number;
      readonly size: number;
      /** The session's decompression bomb limits (docs/limits.md); structured clone carries them. */
      readonly limits?: DecodeLimits;
      /**
       * Keep, in the same pass, the bytes ELF and package reads need, at most this many (IndexJobOptions.keepLimit);
       * absent: nothing is kept.
       */
      readonly keepLimit?: number;
    }
  | {
      readonly type: 'index-stream';
      readonly id: number;
      readonly limits?: DecodeLimits;
      /** Write the layer's bytes into the archive's spill here too (opfs-spill.ts). */
      readonly spill?: SpillShare;
    }
  /** `length` bytes at the start of `buffer` (transferred) come next in the streamed layer `id`. */
  | { readonly type: 'chunk'; readonly id: number; readonly buffer: ArrayBuffer; readonly length: number }
  | { readonly type: 'end'; readonly id: number };

/** A LayerTable on the wire: its entry table as columns, whose buffers are transferred, not copied. */
export type LayerTableWire = Omit<LayerTable, 'entries'> & { readonly entries: EntryColumns };

export type LayerJobResponse =
  | { readonly type: 'progress'; readonly id: number; readonly read: number; readonly decoded: number }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly index: LayerTableWire;
      readonly stages: LayerStages;
      /** What was kept (keepLimit), its buffers transferred; absent when nothing was asked or it passed the limit. */
      readonly kept?: PackedKept;
    }
  | {
      readonly type: 'failed';
      readonly id: number;
      readonly message: string;
      readonly sentence?: Sentence;
    }
  /** The indexer took a buffer of the streamed layer `id`: the archive worker may post another. */
  | { readonly type: 'consumed'; readonly id: number }
  /** The streamed layer `id` could not be written into the spill (sent before its `done`). */
  | { readonly type: 'spill-failed'; readonly id: number; readonly message: string };

/**
 * Where a layer's time went, in milliseconds of its worker: `totalMs` from the request to the table,
 * `readMs` waiting for slices of the File, `hashMs` hashing on the hash worker (overlapping the rest; 0 when
 * hashing runs in this thread), `hashWaitMs` the decoder waiting for the hash worker to catch up.
 */
export interface LayerStages {
  readonly totalMs: number;
  readonly readMs: number;
  readonly hashMs: number;
  readonly hashWaitMs: number;
}

/** Decoded-byte progress is posted at most this often; every stored slice read is posted. */
const PROGRESS_INTERVAL_MS = 100;

export class LayerJobRunner {
  /**
   * With `hashing`, sha256 runs on the hash worker while this thread decodes and parses. A layer of at most
   * ONE_SHOT_MAX_BYTES stored is hashed by WebCrypto instead (web-sha256.ts): its stored bytes in one call on
   * one more read of its range of the File, its decoded bytes held here and hashed in one call when they fit
   * too. A layer stored bigger decodes to more still, so its bytes go to the hash worker from the start.
   */
  constructor(
    private readonly env: CoreEnv,
    private readonly post: (response: LayerJobResponse, transfer?: ArrayBuffer[]) => void,
    private readonly hashing?: RemoteSha256,
  ) {}

  /** The environment of one layer of `storedSize` bytes (undefined: streamed, size unknown). */
  private envFor(storedSize: number | undefined): CoreEnv {
    const hashing = this.hashing;
    if (!hashing) return this.env;
    const small = storedSize === undefined || storedSize <= ONE_SHOT_MAX_BYTES;
    return {
      ...this.env,
      createSha256: () =>
        Promise.resolve(small ? oneShotOrIncremental(() => hashing.create()) : hashing.create()),
    };
  }

  /** The streamed layer being indexed, if any: its chunks go to its input. */
  private stream: { readonly id: number; readonly input: StreamInput } | undefined;

  handle(job: LayerJobRequest): void {
    if (job.type === 'chunk' || job.type === 'end') {
      if (this.stream?.id !== job.id) return;
      if (job.type === 'end') this.stream.input.end();
      else this.stream.input.push(new Uint8Array(job.buffer, 0, job.length));
      return;
    }
    if (job.type === 'index-stream') {
      const input = new StreamInput(
        () => this.post({ type: 'consumed', id: job.id }),
        job.spill && openSpillPart(job.spill),
        (message) => this.post({ type: 'spill-failed', id: job.id, message }),
      );
      this.stream = { id: job.id, input };
      void this.run(job, () => input, false, undefined);
      return;
    }
    const source = blobSource(job.file, 'layer');
    // Asked once, kept for a second pass (a gzip layer restarted with the portable decoder).
    let stored: Promise<string> | undefined;
    const storedDigest =
      job.size <= ONE_SHOT_MAX_BYTES
        ? () => (stored ??= blobSha256(job.file.slice(job.offset, job.offset + job.size)))
        : undefined;
    void this.run(job, (onRead) => readRange(source, job.offset, job.size, { onRead }), true, storedDigest);
  }

  private async run(
    job: {
      readonly id: number;
      readonly size?: number;
      readonly limits?: DecodeLimits;
      readonly keepLimit?: number;
    },
    input: (onRead: (n: number) => void) => AsyncIterable<Uint8Array>,
    canRestart: boolean,
    storedDigest: (() => Promise<string>) | undefined,
  ): Promise<void> {
    const started = performance.now();
    let readMs = 0;
    // The next slice is read while this one is decoded (readRange): what counts is the time spent waiting.
    async function* timed(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
      const iterator = input[Symbol.asyncIterator]();
      try {
        for (;;) {
          const start = performance.now();
          const next = await iterator.next();
          readMs += performance.now() - start;
          if (next.done) return;
          yield next.value;
        }
      } finally {
        await iterator.return?.();
      }
    }
    let decoded = 0;
    let last = 0;
    const report = (read: number) => {
      const now = Date.now();
      if (read === 0 && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      this.post({ type: 'progress', id: job.id, read, decoded });
    };
    let kept: ReadonlyMap<number, SparseFile> | undefined;
    try {
      const index = await indexLayer(() => timed(input((n) => report(n))), this.envFor(job.size), {
        canRestart,
        ...(storedDigest && { storedDigest }),
        ...(job.limits ? { limits: job.limits } : {}),
        ...(job.keepLimit !== undefined && {
          keepLimit: job.keepLimit,
          onKept: (files: ReadonlyMap<number, SparseFile>) => (kept = files),
        }),
        onProgress: (n) => {
          decoded = n;
          report(0);
        },
      });
      const stages: LayerStages = {
        totalMs: performance.now() - started,
        readMs,
        hashMs: this.hashing?.hashMs ?? 0,
        hashWaitMs: this.hashing?.waitMs ?? 0,
      };
      // On the worker's timeline too: a Chromium performance trace shows each layer with its stages.
      performance.measure(`strata layer ${job.id}`, { start: started, detail: stages });
      const packed = kept && packKept(kept);
      const wire = { ...index, entries: index.entries.columns };
      this.post({ type: 'done', id: job.id, index: wire, stages, ...(packed && { kept: packed }) }, [
        ...index.entries.transferables,
        ...((packed && packedBuffers(packed)) ?? []),
      ]);
    } catch (error) {
      this.post({
        type: 'failed',
        id: job.id,
        message: sentence(error),
        ...(error instanceof LayerError && error.sentence ? { sentence: error.sentence } : {}),
      });
    } finally {
      if (this.stream?.id === job.id) this.stream = undefined;
      this.hashing?.reset();
    }
  }
}
