/**
 * A layer worker's side of a streamed layer (a layer of a compressed outer archive, decoded by the archive
 * worker's one pass): the buffers posted to it, handed to the indexer in order. Each buffer is acknowledged
 * once the indexer asks for the next one, so the archive worker never has more than a few buffers out per
 * layer (layer-pool.ts) and what waits here stays bounded however fast the pass decodes. With a part of the
 * archive's spill to write (opfs-spill.ts, Spill.share), every buffer is written there as it comes, and the
 * stream ends only once all of it is written, so the layer is done only when its bytes are in the spill.
 */
export interface SpillWriter {
  write(chunk: Uint8Array): void;
  close(): Promise<void>;
}

export class StreamInput implements AsyncIterable<Uint8Array> {
  private readonly items: Uint8Array[] = [];
  private ended = false;
  private closing: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  /** `onSpillFailed`: why the layer's bytes could not all be written to `spill` (the spill is then given up). */
  constructor(
    private readonly consumed: () => void,
    private readonly spill?: SpillWriter,
    private readonly onSpillFailed?: (message: string) => void,
  ) {}

  push(chunk: Uint8Array): void {
    this.spill?.write(chunk);
    this.items.push(chunk);
    this.wakeUp();
  }

  end(): void {
    this.ended = true;
    this.closing = this.spill?.close().catch((error: unknown) => {
      this.onSpillFailed?.(error instanceof Error ? error.message : String(error));
    });
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      const item = this.items.shift();
      if (item) {
        yield item;
        // Asked for the next one: the indexer is done with this buffer.
        this.consumed();
        continue;
      }
      if (this.ended) {
        await this.closing;
        return;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}
