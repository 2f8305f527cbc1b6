/**
 * A compressed outer archive's decoded bytes in the Origin Private File System: a file per opened archive,
 * written and read through a synchronous access handle (dedicated workers only), deleted when the archive
 * is closed. Files left by a tab that crashed are deleted the next time one is made; a file another tab
 * still has open is locked by its handle and stays. Without OPFS (the in-thread fallback) the bytes stay
 * in memory up to a bound.
 */
import { memorySpill, type CreateSpill, type Spill } from '../core';

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
  createSyncAccessHandle?: () => Promise<SyncAccessHandle>;
}
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
  const handle = await file.createSyncAccessHandle.call(file);
  let size = 0;
  let closed = false;
  let pending = new Uint8Array(WRITE_BYTES);
  let filled = 0;
  const writeOut = (bytes: Uint8Array) => {
    const written = handle.write(bytes, { at: size });
    // A short write is a full disk or a spent quota.
    if (written !== bytes.length) throw new Error('the browser storage is full');
    size += written;
  };
  const flush = () => {
    if (filled > 0) writeOut(pending.subarray(0, filled));
    filled = 0;
  };
  const remove = async () => {
    if (closed) return;
    closed = true;
    handle.close();
    await dir.removeEntry(fileName).catch(() => undefined);
  };
  return {
    write(chunk) {
      if (filled + chunk.length > WRITE_BYTES) flush();
      if (chunk.length >= WRITE_BYTES) writeOut(chunk);
      else {
        pending.set(chunk, filled);
        filled += chunk.length;
      }
    },
    finish() {
      flush();
      pending = new Uint8Array(0);
      handle.flush();
      return Promise.resolve({
        name,
        size,
        cheapReads: true,
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

async function removeStale(dir: FileSystemDirectoryHandle): Promise<void> {
  const listable = dir as unknown as MaybeListable;
  if (!listable.keys) return;
  const names: string[] = [];
  for await (const name of listable.keys.call(dir)) names.push(name);
  for (const name of names) await dir.removeEntry(name).catch(() => undefined);
}
