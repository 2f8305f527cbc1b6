/**
 * Rows of `strata ls` and `strata export`: one path at one layer as the JSON contract spells it,
 * and the name column.
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

/** The name column: "name -> target" for symlinks, "name => /target" for hardlinks, "name/" for dirs. */
export function displayName(node: LayerNode, name: string): string {
  if (node.kind === 'symlink') return `${name} -> ${node.linkTarget}`;
  if (node.kind === 'hardlink') return `${name} => ${node.linkTarget}`;
  return node.kind === 'dir' ? `${name}/` : name;
}
