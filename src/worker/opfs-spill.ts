/**
 * A compressed outer archive's decoded bytes in the Origin Private File System: a file per opened archive,
 * written and read through a synchronous access handle (dedicated workers only), deleted when the archive
 * is closed. Files left by a tab that crashed are deleted the next time one is made; a file another tab
 * still has open is locked by its handle and stays. Without OPFS (the in-thread fallback) the bytes stay
 * in memory up to a bound. A layer's bytes are written by the layer worker that indexes it (Spill.share,
 * openSpillPart), each thread through its own handle in the shared mode, where the browser has it.
 */
import { memorySpill, type CreateSpill, type Spill, type SpillShare } from '../core';
import { SpillHoles } from './spill-holes';

const DIRECTORY = 'strata-spill';

/**
 * The part of FileSystemSyncAccessHandle used here, declared locally: the page's own build (DOM lib)
 * compiles this file too, for the in-thread fallback, and the DOM lib does not have it.
 */
interface SyncAccessHandle {
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  flush(): void;
  close(): void;
}
interface MaybeSyncFile {
  createSyncAccessHandle?: (options?: { mode: 'readwrite-unsafe' }) => Promise<SyncAccessHandle>;
}
/** Several handles on one file, in several workers, each writing its own ranges. */
const SHARED = { mode: 'readwrite-unsafe' } as const;
interface MaybeListable {
  keys?: () => AsyncIterable<string>;
}
const MEMORY_FALLBACK_BYTES = 256 * 1024 * 1024;
/**
 * Decoded chunks are gathered into writes of this size: every write through a sync access handle costs a
 * call into the browser's storage (in a private window, a round trip to the browser process, whose memory
 * holds the file), and the decoder hands out chunks of 64 KiB or less. One write per chunk made the spill
 * most of the pass's time (bench/README.md#outer-compressed-archives).
 */
const WRITE_BYTES = 4 * 1024 * 1024;

export const createSpill: CreateSpill = async (name) => {
  const opfs = await openOpfsSpill(name).catch(() => undefined);
  return opfs ?? memorySpill(MEMORY_FALLBACK_BYTES)(name);
};

async function openOpfsSpill(name: string): Promise<Spill | undefined> {
  if (typeof navigator === 'undefined' || !('storage' in navigator)) return undefined;
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(DIRECTORY, { create: true });
  await removeStale(dir);
  const fileName = `${crypto.randomUUID()}.tar`;
  const file = (await dir.getFileHandle(fileName, { create: true })) as unknown as MaybeSyncFile;
  if (!file.createSyncAccessHandle) {
    await dir.removeEntry(fileName);
    return undefined;
  }
  const handle = await file.createSyncAccessHandle.call(file, SHARED);
  const shareable = await canShare(file);
  const holes = new SpillHoles();
  /** Bytes of the decoded stream passed so far: written here, or in a range another thread writes. */
  let size = 0;
  let closed = false;
  let pending = new Uint8Array(WRITE_BYTES);
  let filled = 0;
  /** Where the pending bytes go. */
  let pendingAt = 0;
  const writeOut = (bytes: Uint8Array, at: number) => {
    const written = handle.write(bytes, { at });
    // A short write is a full disk or a spent quota.
    if (written !== bytes.length) throw new Error('the browser storage is full');
  };
  const flush = () => {
    if (filled > 0) writeOut(pending.subarray(0, filled), pendingAt);
    filled = 0;
  };
  const append = (bytes: Uint8Array, at: number) => {
    if (filled > 0 && (pendingAt + filled !== at || filled + bytes.length > WRITE_BYTES)) flush();
    if (bytes.length >= WRITE_BYTES) writeOut(bytes, at);
    else {
      if (filled === 0) pendingAt = at;
      pending.set(bytes, filled);
      filled += bytes.length;
    }
  };
  const remove = async () => {
    if (closed) return;
    closed = true;
    handle.close();
    await dir.removeEntry(fileName).catch(() => undefined);
  };
  return {
    write(chunk) {
      for (const [from, to] of holes.pieces(size, chunk.length))
        append(chunk.subarray(from, to), size + from);
      size += chunk.length;
    },
    share(offset, length) {
      if (!shareable) return undefined;
      holes.add(offset, length);
      return { file: fileName, offset };
    },
    finish() {
      flush();
      pending = new Uint8Array(0);
      handle.flush();
      return Promise.resolve({
        name,
        size,
        read(offset: number, length: number) {
          if (closed) return Promise.reject(new Error('The archive was closed; drop it again.'));
          const out = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
          const read = handle.read(out, { at: offset });
          return Promise.resolve(out.subarray(0, read));
        },
        close: remove,
      });
    },
    discard: remove,
  };
}

/**
 * Whether a second handle opens beside the first: a browser without the shared mode ignores it and keeps
 * the first handle's lock, and the pass then writes every byte itself.
 */
async function canShare(file: MaybeSyncFile): Promise<boolean> {
  try {
    const second = await file.createSyncAccessHandle!.call(file, SHARED);
    second.close();
    return true;
  } catch {
    return false;
  }
}

/** A layer worker's writes of its layer into the archive's spill (Spill.share), in the order they come. */
export interface SpillPart {
  write(chunk: Uint8Array): void;
  /** Every byte written and the handle closed; rejects with why a write failed. */
  close(): Promise<void>;
}

export function openSpillPart(share: SpillShare): SpillPart {
  let at = share.offset;
  let failure: Error | undefined;
  const waiting: Uint8Array[] = [];
  let handle: SyncAccessHandle | undefined;
  const put = (h: SyncAccessHandle, chunk: Uint8Array) => {
    if (failure) return;
    try {
      if (h.write(chunk, { at }) !== chunk.length) throw new Error('the browser storage is full');
      at += chunk.length;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
  };
  const opened = (async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle(DIRECTORY);
    const file = (await dir.getFileHandle(share.file)) as unknown as MaybeSyncFile;
    if (!file.createSyncAccessHandle) throw new Error('this browser cannot write files from a worker');
    const h = await file.createSyncAccessHandle.call(file, SHARED);
    // The chunks that came while the handle opened: a handful (the archive worker waits for acknowledgements).
    for (const chunk of waiting.splice(0)) put(h, chunk);
    handle = h;
    return h;
  })().catch((error: unknown) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
    waiting.length = 0;
    return undefined;
  });
  return {
    write(chunk) {
      if (handle) put(handle, chunk);
      else if (!failure) waiting.push(chunk);
    },
    async close() {
      const h = await opened;
      if (h) {
        h.flush();
        h.close();
      }
      if (failure) throw failure;
    },
  };
}

async function removeStale(dir: FileSystemDirectoryHandle): Promise<void> {
  const listable = dir as unknown as MaybeListable;
  if (!listable.keys) return;
  const names: string[] = [];
  for await (const name of listable.keys.call(dir)) names.push(name);
  for (const name of names) await dir.removeEntry(name).catch(() => undefined);
}
