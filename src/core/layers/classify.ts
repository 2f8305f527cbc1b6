/**
 * Turns stored versions into LayerNodes and decides what a rewrite changed
 * (docs/archive-formats.md#re-emitted-directories-and-metadata-changes): a re-emitted parent directory is not
 * a change unless its own mode, owner or xattrs differ (directory size and mtime are ignored, as moby's
 * changes.go does); anything else rewritten is "modified".
 */
import type { EntryTable } from '../model/entry-table';
import type { EntryKind, TarEntry } from '../model/tar-entry';
import type { ChangeDetail, ChangeKind, LayerNode } from './layer-types';
import { baseName, type Version } from './path-table';

const IMPLICIT_DIR_MODE = 0o755;

/**
 * A LayerNode of the stack. Its tar entry is made from the layer's table when read, not kept: a
 * change set of a base layer holds millions of nodes. (`entry` is a getter on the prototype, so
 * a spread or a structured clone leaves it out: list-dir.ts copies it explicitly.)
 */
class StackNode implements LayerNode {
  readonly name: string;
  readonly kind: EntryKind;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly mtime: number;
  readonly linkTarget: string;
  readonly layer: number;
  readonly implicit: boolean;
  readonly hardlink: LayerNode['hardlink'];
  /** The entry's table and row: two fields, not the version (versions are made when asked for). */
  readonly #rows: EntryTable | undefined;
  readonly #row: number;
  /** The entry's xattrs, read with it: comparing two nodes then makes no entry again. */
  readonly #xattrs: TarEntry['xattrs'];

  constructor(
    readonly path: string,
    version: Version,
  ) {
    // Read from the entry's columns: a change set or a comparison makes a node per path, no entry.
    const { rows, row } = version;
    const link = version.hardlink;
    const kind = rows === undefined ? 'dir' : rows.kind(row);
    let size = 0;
    if (rows !== undefined && kind === 'file') size = rows.realSize(row);
    else if (link?.state === 'resolved' && link.entry.kind === 'file') size = link.entry.realSize;
    this.name = path === '/' ? '' : baseName(path);
    this.kind = kind;
    this.mode = rows === undefined ? IMPLICIT_DIR_MODE : rows.mode(row);
    this.uid = rows === undefined ? 0 : rows.uid(row);
    this.gid = rows === undefined ? 0 : rows.gid(row);
    this.size = size;
    this.mtime = rows === undefined ? 0 : rows.mtime(row);
    this.linkTarget = rows === undefined ? '' : rows.linkTarget(row);
    this.layer = version.layer;
    this.implicit = rows === undefined;
    this.hardlink = link;
    this.#rows = rows;
    this.#row = row;
    this.#xattrs = rows?.xattrs(row);
  }

  /** The entry's xattrs (undefined without an entry or without xattrs). */
  get xattrs(): TarEntry['xattrs'] {
    return this.#xattrs;
  }

  get entry(): TarEntry | undefined {
    return this.#rows?.entry(this.#row, this.path);
  }
}

export function toNode(path: string, version: Version): LayerNode {
  return new StackNode(path, version);
}

/** The kind a reader of the filesystem sees: a resolved hardlink is its target's kind. */
function seenKind(node: LayerNode): EntryKind {
  return node.hardlink?.state === 'resolved' ? node.hardlink.entry.kind : node.kind;
}

/** A node's xattrs: a stack node read them with its entry; any other node has its entry at hand. */
const xattrsOf = (node: LayerNode): TarEntry['xattrs'] =>
  node instanceof StackNode ? node.xattrs : node.entry?.xattrs;

function sameXattrs(a: LayerNode, b: LayerNode): boolean {
  const x = xattrsOf(a) ?? {};
  const y = xattrsOf(b) ?? {};
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    const u = x[key];
    const v = y[key];
    if (u === undefined || v === undefined || u.length !== v.length) return false;
    for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  }
  return true;
}

/**
 * Where a node's data comes from: its layer and tar entry, or a resolved hardlink's. Entries are made
 * from their layer's table when asked for, so one entry is known by its layer and header offset.
 */
function dataSource(node: LayerNode): { layer: number; entry: TarEntry | undefined } {
  return node.hardlink?.state === 'resolved'
    ? { layer: node.hardlink.layer, entry: node.hardlink.entry }
    : { layer: node.layer, entry: node.entry };
}

function sameEntry(
  a: { layer: number; entry: TarEntry | undefined },
  b: { layer: number; entry: TarEntry | undefined },
): boolean {
  if (a.entry === undefined || b.entry === undefined) return a.entry === b.entry;
  return (
    a.layer === b.layer && a.entry.headerOffset === b.entry.headerOffset && a.entry.path === b.entry.path
  );
}

function contentDiffers(before: LayerNode, after: LayerNode, rewrite: boolean): boolean {
  if (after.hardlink !== undefined || before.hardlink !== undefined) {
    const a = dataSource(after);
    const b = dataSource(before);
    return rewrite ? !sameEntry(a, b) : a.entry?.path !== b.entry?.path || after.size !== before.size;
  }
  return after.kind === 'file' && (after.size !== before.size || (rewrite && after.size > 0));
}

/**
 * What differs between two versions of one path, in a fixed order. `rewrite` = a layer wrote the
 * path again, so a file carrying bytes counts as new content even at the same size; comparing two
 * images' trees (no rewrite known) only sees content changes through size.
 */
export function describeRewrite(before: LayerNode, after: LayerNode, rewrite: boolean): ChangeDetail[] {
  const details: ChangeDetail[] = [];
  const bothDirs = before.kind === 'dir' && after.kind === 'dir';
  if (!bothDirs && contentDiffers(before, after, rewrite)) details.push('content');
  if (seenKind(before) !== seenKind(after)) details.push('type');
  if (before.mode !== after.mode) details.push('mode');
  if (before.uid !== after.uid || before.gid !== after.gid) details.push('owner');
  if (before.kind === 'symlink' && after.kind === 'symlink' && before.linkTarget !== after.linkTarget) {
    details.push('linkTarget');
  } else if (
    before.kind === 'hardlink' &&
    after.kind === 'hardlink' &&
    before.linkTarget !== after.linkTarget
  ) {
    details.push('linkTarget');
  }
  if (!sameXattrs(before, after)) details.push('xattrs');
  if (!bothDirs && before.mtime !== after.mtime) details.push('mtime');
  return details;
}

export interface Classified {
  readonly change: ChangeKind;
  readonly details: readonly ChangeDetail[];
}

/**
 * Compares the state before and after a layer (or range). `rewritten`: the range wrote the path
 * (an untouched path is never modified); "compare": two images' trees, where only visible
 * differences count. A directory is modified only by its own metadata.
 */
export function classify(
  before: LayerNode | undefined,
  after: LayerNode | undefined,
  rewritten: boolean | 'compare',
): Classified | undefined {
  if (before === undefined) return after === undefined ? undefined : { change: 'added', details: [] };
  if (after === undefined) return { change: 'removed', details: [] };
  if (rewritten === false) return undefined;
  const details = describeRewrite(before, after, rewritten === true);
  if (before.kind === 'dir' && after.kind === 'dir') {
    const own = details.filter((d) => d === 'mode' || d === 'owner' || d === 'xattrs');
    return own.length === 0 ? undefined : { change: 'modified', details: own };
  }
  if (rewritten === 'compare' && details.length === 0) return undefined;
  return { change: 'modified', details };
}
