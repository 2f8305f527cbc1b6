/**
 * The archive worker's side of a streamed layer: the decoded bytes of one layer of a compressed outer
 * archive, in the 1 MiB blocks of the pass's queue (core/io/async-queue.ts), each block's buffer
 * transferred (not cloned) to the layer worker indexing it. At most BUFFERS_IN_FLIGHT buffers are out at
 * once; the next waits for the layer worker to take one (stream-input.ts), and the pass waits on the queue
 * behind it, so the bytes between the decoder and the indexers stay bounded whatever the archive's size.
 */

export const BUFFERS_IN_FLIGHT = 4;

export class StreamFeed {
  private inFlight = 0;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(private readonly post: (buffer: ArrayBuffer, length: number) => void) {}

  /** The layer worker took a buffer. */
  consumed(): void {
    this.inFlight--;
    this.wakeUp();
  }

  /** The layer ended (indexed, failed or cancelled): post nothing more. */
  stop(): void {
    this.stopped = true;
    this.wakeUp();
  }

  /**
   * Post every chunk, transferring its buffer (the chunks are the feed's own: LayerIndexer.indexStream);
   * true once all are posted, false if the feed was stopped first.
   */
  async run(chunks: AsyncIterable<Uint8Array>): Promise<boolean> {
    for await (const chunk of chunks) {
      while (this.inFlight >= BUFFERS_IN_FLIGHT && !this.stopped)
        await new Promise<void>((resolve) => (this.wake = resolve));
      if (this.stopped) return false;
      // A view into the middle of a buffer is copied out: only a whole buffer from its start is sent.
      const own = chunk.byteOffset === 0 ? chunk : chunk.slice();
      this.inFlight++;
      this.post(own.buffer as ArrayBuffer, own.length);
    }
    return !this.stopped;
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
