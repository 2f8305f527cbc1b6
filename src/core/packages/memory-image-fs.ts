/**
 * An ImageFs held in memory: the in-memory builder the package tests use for synthetic images and
 * for the entry manifests of real ones. Symlinks resolve inside the image as ImageFs requires
 * (absolute targets from the image root, ".." stops at "/", 40 hops at most like Linux's MAXSYMLINKS).
 */
import type { FsNode, ImageFs } from '../model/image-fs';
import type { EntryKind } from '../model/tar-entry';
import { normalizePath } from './canonical-path';

export interface MemoryEntry {
  readonly path: string;
  readonly kind: Extract<EntryKind, 'file' | 'dir' | 'symlink'>;
  readonly linkTarget?: string;
  /** File content, or a loader called on each read (for trees backed by files elsewhere). */
  readonly content?: Uint8Array | string | (() => Uint8Array);
  readonly size?: number;
}

const MAX_HOPS = 40;
const utf8 = new TextEncoder();

export function createMemoryImageFs(entries: Iterable<MemoryEntry>): ImageFs {
  const nodes = new Map<string, MemoryEntry>([['/', { path: '/', kind: 'dir' }]]);
  const children = new Map<string, Set<string>>([['/', new Set()]]);
  const link = (path: string): void => {
    const slash = path.lastIndexOf('/');
    const parent = slash === 0 ? '/' : path.slice(0, slash);
    if (!nodes.has(parent)) {
      nodes.set(parent, { path: parent, kind: 'dir' });
      link(parent);
    }
    let set = children.get(parent);
    if (set === undefined) children.set(parent, (set = new Set()));
    set.add(path.slice(slash + 1));
  };
  for (const entry of entries) {
    const path = normalizePath(entry.path);
    if (path === '/') continue;
    nodes.set(path, { ...entry, path });
    link(path);
  }

  const bytesOf = (entry: MemoryEntry): Uint8Array => {
    const content = entry.content ?? new Uint8Array(0);
    if (typeof content === 'string') return utf8.encode(content);
    return typeof content === 'function' ? content() : content;
  };

  /** Follows every symlink; `keepLast` leaves a final symlink unresolved. */
  const resolve = (path: string, keepLast: boolean): string | undefined => {
    const pending = normalizePath(path).split('/').filter(Boolean);
    let current = '/';
    let hops = 0;
    while (pending.length > 0) {
      const part = pending.shift()!;
      if (part === '.') continue;
      if (part === '..') {
        current = current === '/' ? '/' : current.slice(0, current.lastIndexOf('/')) || '/';
        continue;
      }
      const next = current === '/' ? `/${part}` : `${current}/${part}`;
      const node = nodes.get(next);
      if (node === undefined) return undefined;
      if (node.kind === 'symlink' && !(keepLast && pending.length === 0)) {
        if (++hops > MAX_HOPS) return undefined;
        const target = node.linkTarget ?? '';
        if (target.startsWith('/')) current = '/';
        pending.unshift(...target.split('/').filter(Boolean));
        continue;
      }
      current = next;
    }
    return current;
  };

  const toNode = (path: string, entry: MemoryEntry): FsNode => ({
    path,
    kind: entry.kind,
    mode: entry.kind === 'dir' ? 0o755 : entry.kind === 'symlink' ? 0o777 : 0o644,
    uid: 0,
    gid: 0,
    size: entry.kind === 'file' ? (entry.size ?? bytesOf(entry).length) : 0,
    linkTarget: entry.linkTarget ?? '',
    layer: -1,
  });

  return {
    lstat(path) {
      const normal = normalizePath(path);
      const slash = normal.lastIndexOf('/');
      const dir = normal === '/' ? '/' : resolve(slash === 0 ? '/' : normal.slice(0, slash), false);
      if (dir === undefined) return Promise.resolve(undefined);
      const real = normal === '/' ? '/' : dir === '/' ? normal.slice(slash) : dir + normal.slice(slash);
      const entry = nodes.get(real);
      return Promise.resolve(entry === undefined ? undefined : toNode(normal, entry));
    },
    realpath(path) {
      return Promise.resolve(resolve(path, false));
    },
    read(path, offset, length) {
      const real = resolve(path, false);
      const entry = real === undefined ? undefined : nodes.get(real);
      if (entry?.kind !== 'file') return Promise.resolve(undefined);
      return Promise.resolve(bytesOf(entry).subarray(offset, offset + length));
    },
    list(path) {
      const real = resolve(path, false);
      const set = real === undefined ? undefined : children.get(real);
      if (real !== undefined && set === undefined && nodes.get(real)?.kind === 'dir')
        return Promise.resolve([]);
      return Promise.resolve(set === undefined ? undefined : [...set].sort());
    },
  };
}
