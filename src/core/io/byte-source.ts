/**
 * Ranged, chunked reads of something too big to hold: a browser File, a file on disk, or bytes in
 * memory (tests). The archive is never read whole (docs/conventions.md#streaming-never-slurping).
 */
export interface ByteSource {
  readonly name: string;
  readonly size: number;
  /** Bytes [offset, offset + length), clipped at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function memorySource(bytes: Uint8Array, name = 'memory'): ByteSource {
  return {
    name,
    size: bytes.length,
    read: (offset, length) =>
      Promise.resolve(bytes.subarray(offset, Math.min(bytes.length, offset + length))),
  };
}

/** Read exactly [offset, offset + length) (clipped at the end), however short the source's reads are. */
export async function readFully(source: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  const end = Math.min(source.size, offset + length);
  const first = await source.read(offset, end - offset);
  if (first.length >= end - offset) return first;
  const out = new Uint8Array(end - offset);
  out.set(first);
  let filled = first.length;
  while (filled < out.length) {
    const more = await source.read(offset + filled, out.length - filled);
    if (more.length === 0) break;
    out.set(more, filled);
    filled += more.length;
  }
  return out.subarray(0, filled);
}

export const DEFAULT_CHUNK = 4 * 1024 * 1024;

export class AbortedError extends Error {
  override name = 'AbortedError';
  constructor() {
    super('Cancelled.');
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError();
}

/**
 * The bytes [start, start + length) as a sequence of chunks, one read ahead so the next slice is
 * on its way while the current one is processed. `onRead` counts bytes for progress.
 */
export async function* readRange(
  source: ByteSource,
  start: number,
  length: number,
  options: { chunkSize?: number; signal?: AbortSignal; onRead?: (bytes: number) => void } = {},
): AsyncGenerator<Uint8Array> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const end = Math.min(source.size, start + length);
  // A consumer that stops early may never resume this generator (a stream destroyed while it waits for
  // a chunk does not return it), so its finally would not run: the read-ahead is marked handled as soon
  // as it starts, or its failure once the source is closed would be an unhandled rejection. Awaiting it
  // below still throws.
  const readAhead = (at: number): Promise<Uint8Array> | undefined => {
    if (at >= end) return undefined;
    const read = source.read(at, Math.min(chunkSize, end - at));
    read.catch(() => undefined);
    return read;
  };
  let offset = start;
  let pending = readAhead(offset);
  while (pending) {
    throwIfAborted(options.signal);
    const chunk = await pending;
    pending = undefined;
    if (chunk.length === 0) break;
    offset += chunk.length;
    pending = readAhead(offset);
    options.onRead?.(chunk.length);
    yield chunk;
  }
}

/** Re-chunk a byte sequence into pieces of at most `size` bytes (tests use 7 to exercise boundaries). */
export async function* rechunk(input: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  for await (const chunk of input) {
    for (let i = 0; i < chunk.length; i += size) yield chunk.subarray(i, Math.min(chunk.length, i + size));
  }
}
