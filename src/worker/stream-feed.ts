/**
 * The archive worker's side of a streamed layer: the decoded bytes of one layer of a compressed outer
 * archive, copied out of the pass's queue into buffers that are transferred (not cloned) to the layer
 * worker indexing it. At most BUFFERS_IN_FLIGHT buffers are out at once; the next waits for the layer
 * worker to take one (stream-input.ts), and the pass waits on the queue behind it, so the bytes between the
 * decoder and the indexers stay bounded whatever the archive's size.
 */

/** Big enough that a message per buffer costs nothing next to hashing it. */
export const STREAM_BUFFER_BYTES = 1024 * 1024;
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

  /** Post every chunk; true once all are posted, false if the feed was stopped first. */
  async run(chunks: AsyncIterable<Uint8Array>): Promise<boolean> {
    let current: Uint8Array | undefined;
    let filled = 0;
    const send = async (): Promise<void> => {
      while (this.inFlight >= BUFFERS_IN_FLIGHT && !this.stopped)
        await new Promise<void>((resolve) => (this.wake = resolve));
      if (this.stopped || !current) return;
      this.inFlight++;
      this.post(current.buffer as ArrayBuffer, filled);
      current = undefined;
      filled = 0;
    };
    for await (const chunk of chunks) {
      for (let at = 0; at < chunk.length;) {
        if (this.stopped) return false;
        current ??= new Uint8Array(STREAM_BUFFER_BYTES);
        const n = Math.min(chunk.length - at, current.length - filled);
        current.set(chunk.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === current.length) await send();
      }
    }
    if (filled > 0) await send();
    return !this.stopped;
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
