import { describe, expect, it } from 'vitest';
import { memorySource, readRange, type ByteSource } from './byte-source';

/** A source whose reads fail once it is closed, like a file handle. */
function closableSource(bytes: Uint8Array): ByteSource & { close(): void } {
  const inner = memorySource(bytes, 'closable');
  let closed = false;
  return {
    name: inner.name,
    size: inner.size,
    close: () => void (closed = true),
    read: async (offset, length) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (closed) throw new Error('file closed');
      return inner.read(offset, length);
    },
  };
}

describe('readRange', () => {
  it('yields the range in chunks of the given size', async () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => i);
    const chunks: number[][] = [];
    for await (const chunk of readRange(memorySource(bytes), 3, 15, { chunkSize: 7 }))
      chunks.push([...chunk]);
    expect(chunks).toEqual([[3, 4, 5, 6, 7, 8, 9], [10, 11, 12, 13, 14, 15, 16], [17]]);
  });

  it('leaves no unhandled rejection when the consumer stops without returning it and the source closes', async () => {
    const source = closableSource(new Uint8Array(64));
    const chunks = readRange(source, 0, 64, { chunkSize: 8 });
    const first = await chunks.next();
    expect(first.value).toHaveLength(8);
    // The read of the next chunk is in flight; the generator is never resumed, as when a stream that
    // waits on it is destroyed. An unhandled rejection would fail this file's run.
    source.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('still throws a failed read to a consumer that asks for it', async () => {
    const source = closableSource(new Uint8Array(64));
    const chunks = readRange(source, 0, 64, { chunkSize: 8 });
    await chunks.next();
    source.close();
    await expect(chunks.next()).rejects.toThrow('file closed');
  });
});
