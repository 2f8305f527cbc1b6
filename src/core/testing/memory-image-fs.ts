/**
 * An ImageFs held in memory, for tests and benchmarks: synthetic images, and the entry manifests of real ones.
 * Symlinks resolve inside the image as ImageFs requires (model/path.ts `resolveInImage`).
 */
import type { FsNode, ImageFs } from '../model/image-fs';
import { normalizePath, parentPath, resolveInImage, type PathStep } from '../model/path';
import type { EntryKind } from '../model/tar-entry';

export interface MemoryEntry {
  readonly path: string;
  readonly kind: Extract<EntryKind, 'file' | 'dir' | 'symlink'>;
  readonly linkTarget?: string;
  /** File content, or a loader called on each read (for trees backed by files elsewhere). */
  readonly content?: Uint8Array | string | (() => Uint8Array);
  readonly size?: number;
}

/** The short form: a file's content (text or bytes), or a symlink's target. */
export type MemoryFile = Uint8Array | string | { readonly symlink: string };

const utf8 = new TextEncoder();

/** An ImageFs over `path → content` (directories implied by the paths below them). */
export function memoryImageFs(files: Readonly<Record<string, MemoryFile>>): ImageFs {
  return createMemoryImageFs(
    Object.entries(files).map(([path, file]): MemoryEntry => {
      if (typeof file === 'string' || file instanceof Uint8Array)
        return { path, kind: 'file', content: file };
      return { path, kind: 'symlink', linkTarget: file.symlink };
    }),
  );
}

export function createMemoryImageFs(entries: Iterable<MemoryEntry>): ImageFs {
  const nodes = new Map<string, MemoryEntry>([['/', { path: '/', kind: 'dir' }]]);
  const children = new Map<string, Set<string>>([['/', new Set()]]);
  const link = (path: string): void => {
    const parent = parentPath(path);
    if (!nodes.has(parent)) {
      nodes.set(parent, { path: parent, kind: 'dir' });
      link(parent);
    }
    let set = children.get(parent);
    if (set === undefined) children.set(parent, (set = new Set()));
    set.add(path.slice(path.lastIndexOf('/') + 1));
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

  const step = (path: string): PathStep => {
    const node = nodes.get(path);
    if (node === undefined) return undefined;
    if (node.kind === 'symlink') return { kind: 'symlink', linkTarget: node.linkTarget ?? '' };
    return { kind: node.kind === 'dir' ? 'dir' : 'other' };
  };
  const resolve = (path: string, followLast: boolean): string | undefined =>
    resolveInImage(path, step, { followLast });

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
      const real = resolve(path, false);
      const entry = real === undefined ? undefined : nodes.get(real);
      return Promise.resolve(entry === undefined ? undefined : toNode(normalizePath(path), entry));
    },
    realpath(path) {
      return Promise.resolve(resolve(path, true));
    },
    read(path, offset, length) {
      const real = resolve(path, true);
      const entry = real === undefined ? undefined : nodes.get(real);
      if (entry?.kind !== 'file') return Promise.resolve(undefined);
      return Promise.resolve(bytesOf(entry).subarray(offset, offset + length));
    },
    list(path) {
      const real = resolve(path, true);
      if (real === undefined || nodes.get(real)?.kind !== 'dir') return Promise.resolve(undefined);
      return Promise.resolve([...(children.get(real) ?? [])].sort());
    },
  };
}

/** The `tree.txt` manifest format of the package fixtures: "d PATH", "f PATH", "l PATH -> TARGET". */
export function parseTreeManifest(text: string): MemoryEntry[] {
  const entries: MemoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('d ')) entries.push({ path: line.slice(2), kind: 'dir' });
    else if (line.startsWith('f ')) entries.push({ path: line.slice(2), kind: 'file', content: '' });
    else if (line.startsWith('l ')) {
      const [path, target] = line.slice(2).split(' -> ');
      entries.push({ path: path!, kind: 'symlink', linkTarget: target! });
    }
  }
  return entries;
}
