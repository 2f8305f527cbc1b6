/**
 * In-memory builders for synthetic layers: TarEntry values the way the tar reader reports them
 * (absolute normalized paths, markers under their ".wh." names), for tests that spell out one
 * rule of docs/archive-formats.md#layer-changes at a time.
 */
import type { EntryKind, TarEntry } from '../model/tar-entry';

export interface EntryOptions {
  readonly size?: number;
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
  readonly mtime?: number;
  readonly xattrs?: Readonly<Record<string, Uint8Array>>;
  readonly dev?: readonly [number, number];
}

let nextOffset = 0;

function entry(
  path: string,
  kind: EntryKind,
  linkTarget: string,
  options: EntryOptions,
  mode: number,
): TarEntry {
  const size = kind === 'file' ? (options.size ?? 0) : 0;
  const headerOffset = nextOffset;
  nextOffset += 512 + Math.ceil(size / 512) * 512;
  return {
    path,
    kind,
    mode: options.mode ?? mode,
    uid: options.uid ?? 0,
    gid: options.gid ?? 0,
    size,
    mtime: options.mtime ?? 0,
    linkTarget,
    uname: '',
    gname: '',
    devMajor: options.dev?.[0] ?? 0,
    devMinor: options.dev?.[1] ?? 0,
    xattrs: options.xattrs,
    dataOffset: headerOffset + 512,
    headerOffset,
    realSize: size,
  };
}

export function file(path: string, size = 0, options: EntryOptions = {}): TarEntry {
  return entry(path, 'file', '', { ...options, size }, 0o644);
}

export function dir(path: string, options: EntryOptions = {}): TarEntry {
  return entry(path, 'dir', '', options, 0o755);
}

export function symlink(path: string, target: string, options: EntryOptions = {}): TarEntry {
  return entry(path, 'symlink', target, options, 0o777);
}

export function hardlink(path: string, target: string, options: EntryOptions = {}): TarEntry {
  return entry(path, 'hardlink', target, options, 0o644);
}

export function device(path: string, kind: 'char' | 'block' | 'fifo', options: EntryOptions = {}): TarEntry {
  return entry(path, kind, '', options, 0o644);
}

/** The marker that deletes `path` from lower layers: `<dir>/.wh.<name>`. */
export function whiteout(path: string): TarEntry {
  const slash = path.lastIndexOf('/');
  return entry(`${path.slice(0, slash)}/.wh.${path.slice(slash + 1)}`, 'file', '', {}, 0o644);
}

/** The marker that hides everything lower layers had under `dirPath`. */
export function opaque(dirPath: string): TarEntry {
  return entry(`${dirPath === '/' ? '' : dirPath}/.wh..wh..opq`, 'file', '', {}, 0o644);
}
