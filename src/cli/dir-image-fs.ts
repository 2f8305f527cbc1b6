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
import type { EntryKind } from '../core/model/tar-entry';
import type { FsNode, ImageFs } from '../core/model/image-fs';

const MAX_LINKS = 40;

/**
 * An ImageFs over a real directory (an unpacked rootfs), for tests and for comparing with `chroot ldd`.
 * Symlinks are resolved by hand, the way they would be inside a chroot: an absolute target starts again at `root`,
 * ".." stops at `root`, so nothing outside the directory is ever read. The directory must not change while the
 * ImageFs is in use: file metadata is cached.
 */
export function dirImageFs(root: string): ImageFs {
  const dirCache = new Map<string, string | undefined>();

  const host = (path: string): string => join(root, path);

  // An unpacked image is read-only while it is examined: one lstat per path is enough.
  const statCache = new Map<string, Stats | undefined>();

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

  /** Resolve `path`; with `followLast` false the final component is kept as is (its parent is resolved). */
  function resolve(path: string, followLast: boolean): string | undefined {
    const pending = split(path).reverse();
    let current: string[] = [];
    let links = 0;
    while (pending.length > 0) {
      const part = pending.pop()!;
      if (part === '.') continue;
      if (part === '..') {
        current.pop();
        continue;
      }
      const candidate = '/' + [...current, part].join('/');
      const isLast = pending.length === 0;
      if (!isLast) {
        const cached = dirCache.get(candidate);
        if (cached !== undefined || dirCache.has(candidate)) {
          if (cached === undefined) return undefined;
          current = split(cached);
          continue;
        }
      }
      const st = lstatHost(candidate);
      if (st === undefined) return isLast && !followLast ? candidate : undefined;
      if (st.isSymbolicLink() && (followLast || !isLast)) {
        if (++links > MAX_LINKS) return undefined;
        const target = readlinkSync(host(candidate), 'utf8');
        if (target.startsWith('/')) current = [];
        pending.push(...split(target).reverse());
        continue;
      }
      current.push(part);
    }
    return '/' + current.join('/');
  }

  /** A directory path with every symlink resolved; one lstat per new component thanks to the cache. */
  function realDir(path: string): string | undefined {
    if (path === '/' || path === '') return '/';
    if (dirCache.has(path)) return dirCache.get(path);
    const parts = split(path);
    const last = parts.pop()!;
    const parent = realDir('/' + parts.join('/'));
    const real = parent === undefined ? undefined : step(parent, last);
    dirCache.set(path, real);
    return real;
  }

  /** Resolve one more component below an already resolved directory, following a symlink there. */
  function step(parent: string, name: string): string | undefined {
    if (name === '.') return parent;
    if (name === '..') return parent === '/' ? '/' : parent.slice(0, parent.lastIndexOf('/')) || '/';
    const candidate = parent === '/' ? `/${name}` : `${parent}/${name}`;
    const st = lstatHost(candidate);
    if (st === undefined) return undefined;
    return st.isSymbolicLink() ? resolve(candidate, true) : candidate;
  }

  function resolveCached(path: string, followLast: boolean): string | undefined {
    const parts = split(path);
    const last = parts.pop();
    if (last === undefined) return '/';
    const dir = realDir('/' + parts.join('/'));
    if (dir === undefined) return undefined;
    if (followLast || last === '.' || last === '..')
      return step(dir, last) ?? (followLast ? undefined : join(dir, last));
    return join(dir, last);
  }

  return {
    lstat(path) {
      const at = resolveCached(path, false);
      const st = at === undefined ? undefined : lstatHost(at);
      if (at === undefined || st === undefined) return Promise.resolve(undefined);
      return Promise.resolve(toNode(path, st, st.isSymbolicLink() ? readlinkSync(host(at), 'utf8') : ''));
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

function split(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
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
