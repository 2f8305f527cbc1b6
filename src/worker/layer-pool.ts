/**
 * A pool of layer workers, sized from the machine's cores: each indexes one layer at a time from its own
 * slices of the File, so decoding and hashing of different layers run on different cores. A layer of a
 * compressed outer archive has no slices of its own: the archive worker's one pass posts its bytes as they
 * are decoded (stream-feed.ts), so the layers are hashed and listed while the pass reads on. Workers start
 * on first use, or all at once when warmed. Cancelling a layer terminates its worker at once (its memory goes with it; a new one starts
 * when needed); a worker that fails takes only its own layer down.
 */
import {
  AbortedError,
  EntryTable,
  LayerError,
  type BlobRange,
  type IndexJobOptions,
  type LayerTable,
  type LayerIndexer,
  unpackKept,
} from '../core';
import type { LayerJobRequest, LayerJobResponse } from './layer-job';
import { StreamFeed } from './stream-feed';

/** What the pool needs of a worker: a real Worker, or a MessageChannel port in tests. */
export interface LayerWorkerPort {
  postMessage(message: LayerJobRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<LayerJobResponse>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

interface Job {
  readonly id: number;
  /** Where the layer's bytes come from: a range of the File, or the outer pass's stream. */
  readonly from:
    { readonly file: Blob; readonly range: BlobRange } | { readonly chunks: AsyncIterable<Uint8Array> };
  readonly options: IndexJobOptions;
  readonly resolve: (index: LayerTable) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  port: LayerWorkerPort;
  job: Job | undefined;
  read: number;
  /** Posting a streamed job's bytes. */
  feed: StreamFeed | undefined;
}

/** More workers than this buys nothing on image archives (a handful of big layers) and costs memory. */
export const MAX_LAYER_WORKERS = 4;

export function poolSize(hardwareConcurrency: number | undefined): number {
  return Math.max(1, Math.min(MAX_LAYER_WORKERS, hardwareConcurrency ?? 2));
}

export class LayerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly spawn: () => LayerWorkerPort,
    readonly size: number,
  ) {}

  /** An indexer over one dropped file: its layers go to the pool. */
  indexerFor(file: Blob): LayerIndexer {
    return {
      concurrency: this.size,
      index: (range, options) => this.index({ file, range }, options),
      indexStream: (chunks, options) => this.index({ chunks }, options),
    };
  }

  /**
   * Start every worker now, before any layer needs one: a worker's first moments (loading its module, its
   * hash worker's) then pass while the page waits for a file, not after the drop, when the page draws its
   * first rows.
   */
  warm(): void {
    while (this.slots.length < this.size) this.start();
  }

  /** Workers alive now (for tests: cancelling leaves none). */
  get workers(): number {
    return this.slots.length;
  }

  private index(from: Job['from'], options: IndexJobOptions): Promise<LayerTable> {
    return new Promise<LayerTable>((resolve, reject) => {
      const job: Job = { id: this.nextId++, from, options, resolve, reject };
      if (options.signal?.aborted) {
        reject(new AbortedError());
        return;
      }
      options.signal?.addEventListener('abort', () => this.cancel(job), { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (;;) {
      const job = this.queue[0];
      if (!job) return;
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) return;
      this.queue.shift();
      slot.job = job;
      slot.read = 0;
      const limits = job.options.limits ? { limits: job.options.limits } : {};
      if ('chunks' in job.from) this.feed(slot, job, job.from.chunks, limits);
      else {
        const { file, range } = job.from;
        slot.port.postMessage({
          type: 'index',
          id: job.id,
          file,
          offset: range.offset,
          size: range.size,
          ...limits,
          ...(job.options.onKept && { keepLimit: job.options.keepLimit ?? Number.POSITIVE_INFINITY }),
        });
      }
    }
  }

  /** Start a streamed job on its worker and post its bytes as the pass hands them out. */
  private feed(
    slot: Slot,
    job: Job,
    chunks: AsyncIterable<Uint8Array>,
    limits: Pick<IndexJobOptions, 'limits'>,
  ): void {
    const id = job.id;
    const feed = new StreamFeed((buffer, length) =>
      slot.port.postMessage({ type: 'chunk', id, buffer, length }, [buffer]),
    );
    slot.feed = feed;
    slot.port.postMessage({
      type: 'index-stream',
      id,
      ...limits,
      ...(job.options.spill && { spill: job.options.spill }),
    });
    feed.run(chunks).then(
      (complete) => {
        if (complete && slot.job === job) slot.port.postMessage({ type: 'end', id });
      },
      (error: unknown) => {
        // The pass itself failed or was cancelled: this layer cannot be finished.
        if (slot.job === job) this.retire(slot, error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  private start(): Slot {
    const slot: Slot = { port: this.spawn(), job: undefined, read: 0, feed: undefined };
    slot.port.onmessage = (event) => this.receive(slot, event.data);
    slot.port.onerror = (event) => {
      // The worker itself died (out of memory, a crash): only its layer fails.
      event.preventDefault();
      this.retire(slot, LayerError.of('layer-worker-stopped', { detail: event.message }));
    };
    this.slots.push(slot);
    return slot;
  }

  private receive(slot: Slot, response: LayerJobResponse): void {
    const job = slot.job;
    if (job?.id !== response.id) return;
    if (response.type === 'consumed') {
      slot.feed?.consumed();
      return;
    }
    if (response.type === 'spill-failed') {
      job.options.onSpillFailed?.(response.message);
      return;
    }
    if (response.type === 'progress') {
      slot.read += response.read;
      if (response.read > 0) job.options.onRead?.(response.read);
      job.options.onDecoded?.(response.decoded);
      return;
    }
    slot.job = undefined;
    this.stopFeed(slot);
    if (response.type === 'done') {
      if (response.kept) job.options.onKept?.(unpackKept(response.kept));
      job.resolve({ ...response.index, entries: EntryTable.fromColumns(response.index.entries) });
    } else job.reject(new LayerError(response.message, response.sentence));
    this.dispatch();
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.reject(new AbortedError());
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (slot) this.retire(slot, new AbortedError());
    // A worker whose layer finished just before the cancel sits idle: it goes too, so a cancel leaves
    // no worker and no memory behind (the next layer starts a fresh one).
    for (const idle of this.slots.filter((s) => !s.job)) this.end(idle);
  }

  /** Terminate a worker and fail its job; a new worker starts if layers are waiting. */
  private retire(slot: Slot, error: Error): void {
    this.end(slot);
    const job = slot.job;
    slot.job = undefined;
    this.stopFeed(slot);
    job?.reject(error);
    this.dispatch();
  }

  /** Terminate a worker and forget it. */
  private end(slot: Slot): void {
    slot.port.onmessage = null;
    slot.port.terminate();
    this.slots.splice(this.slots.indexOf(slot), 1);
  }

  private stopFeed(slot: Slot): void {
    slot.feed?.stop();
    slot.feed = undefined;
  }
}
