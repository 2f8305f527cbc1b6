import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import { resolveInImage, type EntryKind, type FsNode, type ImageFs, type PathStep } from '../../core';

/**
 * An ImageFs over a real directory (an unpacked rootfs), for tests and for comparing with `chroot ldd`.
 * Symlinks are resolved by hand, the way they would be inside a chroot: an absolute target starts again at `root`,
 * ".." stops at `root`, so nothing outside the directory is ever read. The directory must not change while the
 * ImageFs is in use: file metadata is cached.
 */
export function dirImageFs(root: string): ImageFs {
  const host = (path: string): string => join(root, path);

  // An unpacked image is read-only while it is examined: one lstat and one readlink per path are enough.
  const statCache = new Map<string, Stats | undefined>();
  const linkCache = new Map<string, string>();

  function lstatHost(path: string): Stats | undefined {
    if (statCache.has(path)) return statCache.get(path);
    let st: Stats | undefined;
    try {
      st = lstatSync(host(path), { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (statCache.size < 1_000_000) statCache.set(path, st);
    return st;
  }

  function readlinkHost(path: string): string {
    let target = linkCache.get(path);
    if (target === undefined) linkCache.set(path, (target = readlinkSync(host(path), 'utf8')));
    return target;
  }

  const step = (path: string): PathStep => {
    const st = lstatHost(path);
    if (st === undefined) return undefined;
    if (st.isSymbolicLink()) return { kind: 'symlink', linkTarget: readlinkHost(path) };
    return { kind: st.isDirectory() ? 'dir' : 'other' };
  };

  /** `path` with its symlinks resolved; with `followLast` false the final component is kept as is. */
  const resolveCached = (path: string, followLast: boolean): string | undefined =>
    resolveInImage(path, step, { followLast, keepMissingLast: !followLast });

  return {
    lstat(path) {
      const at = resolveCached(path, false);
      const st = at === undefined ? undefined : lstatHost(at);
      if (at === undefined || st === undefined) return Promise.resolve(undefined);
      return Promise.resolve(toNode(path, st, st.isSymbolicLink() ? readlinkHost(at) : ''));
    },
    realpath(path) {
      const at = resolveCached(path, true);
      return Promise.resolve(at !== undefined && lstatHost(at) !== undefined ? at : undefined);
    },
    read(path, offset, length) {
      const at = resolveCached(path, true);
      return Promise.resolve(at === undefined ? undefined : readRange(host(at), offset, length));
    },
    list(path) {
      const at = resolveCached(path, true);
      if (at === undefined || !lstatHost(at)?.isDirectory()) return Promise.resolve(undefined);
      return Promise.resolve(readdirSync(host(at)).sort());
    },
  };
}

function readRange(file: string, offset: number, length: number): Uint8Array | undefined {
  if (!Number.isSafeInteger(offset) || offset < 0 || length < 0) return undefined;
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO in an unpacked rootfs must not block the open; fstat then rejects it.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    const size = st.size;
    const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
    let filled = 0;
    while (filled < buffer.length) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, offset + filled);
      if (n === 0) break;
      filled += n;
    }
    return buffer.subarray(0, filled);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function kindOf(st: Stats): EntryKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isCharacterDevice()) return 'char';
  if (st.isBlockDevice()) return 'block';
  if (st.isFIFO()) return 'fifo';
  return 'other';
}

function toNode(path: string, st: Stats, linkTarget: string): FsNode {
  return {
    path,
    kind: kindOf(st),
    mode: st.mode & 0o7777,
    uid: st.uid,
    gid: st.gid,
    size: st.size,
    linkTarget,
    layer: -1,
  };
}
