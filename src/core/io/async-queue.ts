/**
 * A byte queue between a synchronous producer (the outer tar parser's callbacks) and an async
 * consumer (a layer indexer), with backpressure: the producer awaits `drained()` between chunks.
 */
export class ByteQueue implements AsyncIterable<Uint8Array> {
  private items: Uint8Array[] = [];
  private queued = 0;
  private closed = false;
  private failure: Error | undefined;
  private wakeConsumer: (() => void) | undefined;
  private wakeProducer: (() => void) | undefined;

  constructor(private readonly limit = 16 * 1024 * 1024) {}

  push(chunk: Uint8Array): void {
    // The parser hands out views of its input chunk, which the caller reuses: copy.
    this.items.push(chunk.slice());
    this.queued += chunk.length;
    this.wake();
  }

  close(): void {
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
    if (this.queued < this.limit || this.closed) return Promise.resolve();
    return new Promise((resolve) => (this.wakeProducer = resolve));
  }

  /** The consumer stopped early (it failed); drop what is queued and what comes. */
  discard(): void {
    this.items = [];
    this.queued = 0;
    this.closed = true;
    this.wakeProducer?.();
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
