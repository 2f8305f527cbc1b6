/**
 * Rows of `strata ls` and `strata export`: one path at one layer as the JSON contract spells it,
 * and the `ls -l` mode string.
 */
import { type EntryKind, type LayerNode, type ListedNode, formatMode } from '../../core';

export type ChangeColumn = ListedNode['change'];

export interface EntryJson {
  readonly path: string;
  readonly type: EntryKind;
  /** Permission bits as octal text ("0755", "4755"), the way chmod reads them. */
  readonly mode: string;
  readonly uid: number;
  readonly gid: number;
  /** A regular file's size (a hardlink's: its target's); 0 for everything else. */
  readonly size: number;
  /** Symlink target as written; for hardlinks the absolute path linked to; "" otherwise. */
  readonly linkTarget: string;
  /** The layer that wrote this version (0 = base; -1 for a directory no layer described). */
  readonly layer: number;
  readonly change: ChangeColumn;
}

export function entryJson(node: LayerNode, change: ChangeColumn): EntryJson {
  return {
    path: node.path,
    type: node.kind,
    mode: formatMode(node.mode),
    uid: node.uid,
    gid: node.gid,
    size: node.size,
    linkTarget: node.linkTarget,
    layer: node.layer,
    change,
  };
}

const TYPE_LETTER: Record<EntryKind, string> = {
  file: '-',
  dir: 'd',
  symlink: 'l',
  hardlink: 'h',
  char: 'c',
  block: 'b',
  fifo: 'p',
  other: '?',
};

/** "drwxr-xr-x", "-rwsr-xr-x", "drwxrwxrwt"; hardlinks get "h" (ls shows their target's "-"). */
export function modeString(kind: EntryKind, mode: number): string {
  const bit = (mask: number, letter: string): string => ((mode & mask) !== 0 ? letter : '-');
  const special = (exec: number, flag: number, on: string): string => {
    const x = (mode & exec) !== 0;
    if ((mode & flag) === 0) return x ? 'x' : '-';
    return x ? on : on.toUpperCase();
  };
  return (
    TYPE_LETTER[kind] +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    special(0o100, 0o4000, 's') +
    bit(0o40, 'r') +
    bit(0o20, 'w') +
    special(0o10, 0o2000, 's') +
    bit(0o4, 'r') +
    bit(0o2, 'w') +
    special(0o1, 0o1000, 't')
  );
}

/** The name column: "name -> target" for symlinks, "name => /target" for hardlinks, "name/" for dirs. */
export function displayName(node: LayerNode, name: string): string {
  if (node.kind === 'symlink') return `${name} -> ${node.linkTarget}`;
  if (node.kind === 'hardlink') return `${name} => ${node.linkTarget}`;
  return node.kind === 'dir' ? `${name}/` : name;
}
