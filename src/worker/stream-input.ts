/**
 * A layer worker's side of a streamed layer (a layer of a compressed outer archive, decoded by the archive
 * worker's one pass): the buffers posted to it, handed to the indexer in order. Each buffer is acknowledged
 * once the indexer asks for the next one, so the archive worker never has more than a few buffers out per
 * layer (layer-pool.ts) and what waits here stays bounded however fast the pass decodes.
 */
export class StreamInput implements AsyncIterable<Uint8Array> {
  private readonly items: Uint8Array[] = [];
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly consumed: () => void) {}

  push(chunk: Uint8Array): void {
    this.items.push(chunk);
    this.wakeUp();
  }

  end(): void {
    this.ended = true;
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
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}
