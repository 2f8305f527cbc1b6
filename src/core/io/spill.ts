/**
 * Where the decoded bytes of a compressed outer archive (`docker save | gzip`) go during its one pass, so
 * that every later read is a ranged read of a plain tar instead of a decode from the start: a temporary file
 * under Node, a file in the Origin Private File System in the page, memory in tests. One gzip stream has no
 * random access; the spill gives it back at the cost of one disk write of the decoded archive
 * (bench/README.md#outer-compressed-archives says why this and not a checkpoint index).
 */
import type { ByteSource } from './byte-source';

/**
 * What another thread needs to write a range of a spill itself (the page's layer worker writing the layer it
 * indexes): which spill, and where the range starts in it. Structured-cloneable; opaque to the core.
 */
export interface SpillShare {
  readonly file: string;
  readonly offset: number;
}

export interface Spill {
  /** Append decoded bytes; the caller may reuse `chunk` once the promise settles. */
  write(chunk: Uint8Array): Promise<void> | void;
  /**
   * Bytes [offset, offset + length) of the decoded stream are written by another thread, through what this
   * returns: `write` steps over them. Called before `write` reaches `offset`. Undefined (and nothing changes)
   * when this spill cannot be written from elsewhere.
   */
  share?(offset: number, length: number): SpillShare | undefined;
  /** The bytes written so far, readable at random. Call once the pass is over. */
  finish(): Promise<SpillSource>;
  /** Give the space back without reading it (a failed or cancelled pass). */
  discard(): Promise<void>;
}

export interface SpillSource extends ByteSource {
  /** Delete the spilled bytes; reads fail afterwards. */
  close(): Promise<void>;
  /**
   * A ranged read costs a memory copy (the spill is in memory): keeping a file's bytes a second time would
   * only double them, so the content cache keeps nothing of the plain layers read from it (content-cache.ts).
   * Files are not such spills: each of the many small reads the Linkage view makes is a call into storage (in
   * a private window, a round trip to the browser process), so their layers are warmed as usual.
   */
  readonly cheapReads?: boolean;
}

export type CreateSpill = (name: string) => Promise<Spill>;

/** A spill in memory, for tests and for an environment without a file system (bounded by `maxBytes`). */
export function memorySpill(maxBytes = 256 * 1024 * 1024): CreateSpill {
  return (name) => {
    const parts: Uint8Array[] = [];
    let size = 0;
    let closed = false;
    return Promise.resolve({
      write(chunk) {
        size += chunk.length;
        if (size > maxBytes)
          throw new Error(`The decoded archive is over ${maxBytes} bytes, too large for memory.`);
        parts.push(chunk.slice());
      },
      finish() {
        const bytes = new Uint8Array(size);
        let at = 0;
        for (const part of parts) {
          bytes.set(part, at);
          at += part.length;
        }
        parts.length = 0;
        return Promise.resolve({
          name,
          size,
          cheapReads: true,
          read(offset: number, length: number) {
            if (closed) return Promise.reject(new Error('The archive was closed.'));
            return Promise.resolve(bytes.subarray(offset, Math.min(size, offset + length)));
          },
          close() {
            closed = true;
            return Promise.resolve();
          },
        });
      },
      discard() {
        parts.length = 0;
        return Promise.resolve();
      },
    });
  };
}
