/**
 * A byte queue between a synchronous producer (the outer tar parser's callbacks) and an async
 * consumer (a layer indexer), with backpressure: the producer awaits `drained()` between chunks.
 * Pushed bytes are copied into blocks of BLOCK_BYTES (the parser hands out views of its input chunk,
 * which the decoder may reuse), and the consumer gets whole blocks: each chunk it is given is a view from
 * offset 0 of a buffer of its own, which it may keep or transfer to another thread without a copy.
 */
export const BLOCK_BYTES = 1024 * 1024;

export class ByteQueue implements AsyncIterable<Uint8Array> {
  private items: Uint8Array[] = [];
  private block: Uint8Array | undefined;
  private fill = 0;
  private queued = 0;
  private closed = false;
  private failure: Error | undefined;
  private wakeConsumer: (() => void) | undefined;
  private wakeProducer: (() => void) | undefined;

  constructor(private readonly limit = 16 * 1024 * 1024) {}

  push(chunk: Uint8Array): void {
    for (let at = 0; at < chunk.length;) {
      this.block ??= new Uint8Array(BLOCK_BYTES);
      const n = Math.min(chunk.length - at, BLOCK_BYTES - this.fill);
      this.block.set(chunk.subarray(at, at + n), this.fill);
      this.fill += n;
      at += n;
      if (this.fill === BLOCK_BYTES) this.seal();
    }
    this.queued += chunk.length;
  }

  close(): void {
    this.seal();
    this.closed = true;
    this.wake();
  }

  fail(error: unknown): void {
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.closed = true;
    this.wake();
  }

  /** Resolves once the consumer has taken enough that the queue is under its limit. */
  drained(): Promise<void> {
    // Nothing sealed for the consumer yet: the producer must go on (a limit under one block).
    if (this.queued < this.limit || this.closed || this.items.length === 0) return Promise.resolve();
    return new Promise((resolve) => (this.wakeProducer = resolve));
  }

  /** The consumer stopped early (it failed); drop what is queued and what comes. */
  discard(): void {
    this.items = [];
    this.block = undefined;
    this.fill = 0;
    this.queued = 0;
    this.closed = true;
    this.wakeProducer?.();
  }

  /** The block being filled goes to the consumer (full, or the last one). */
  private seal(): void {
    if (this.block && this.fill > 0) {
      this.items.push(this.fill === this.block.length ? this.block : this.block.subarray(0, this.fill));
      this.wake();
    }
    this.block = undefined;
    this.fill = 0;
  }

  private wake(): void {
    const wake = this.wakeConsumer;
    this.wakeConsumer = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      const item = this.items.shift();
      if (item) {
        this.queued -= item.length;
        if (this.queued < this.limit) {
          const wake = this.wakeProducer;
          this.wakeProducer = undefined;
          wake?.();
        }
        yield item;
        continue;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
  }
}
