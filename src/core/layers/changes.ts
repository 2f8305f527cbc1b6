/**
 * Change sets: one layer, a range of layers seen as one step, and two images' final trees.
 * Only paths some layer of the range touched are looked at, so a layer's changes cost what the
 * layer wrote (plus what its whiteouts removed), never the size of the image.
 */
import type { ChangedPath, ChangeKind, ChangeSet, HistoryEvent, LayerNode } from './layer-types';
import { classify, toNode } from './classify';
import { ROOT, type PathTable, type Version } from './path-table';

function nodeAt(table: PathTable, id: number, layer: number): LayerNode | undefined {
  const version = table.versionAt(id, layer);
  return version?.present === true ? toNode(table.paths[id]!, version) : undefined;
}

function changedPath(
  before: LayerNode | undefined,
  after: LayerNode | undefined,
  rewritten: boolean | 'compare',
): ChangedPath | undefined {
  const result = classify(before, after, rewritten);
  if (result === undefined) return undefined;
  const node = (result.change === 'removed' ? before : after)!;
  return {
    path: node.path,
    change: result.change,
    node,
    before: result.change === 'modified' ? before : undefined,
    details: result.details,
  };
}

class ChangeCollector {
  readonly added: ChangedPath[] = [];
  readonly modified: ChangedPath[] = [];
  readonly removed: ChangedPath[] = [];

  add(before: LayerNode | undefined, after: LayerNode | undefined, rewritten: boolean | 'compare'): void {
    const changed = changedPath(before, after, rewritten);
    if (changed !== undefined) this[changed.change].push(changed);
  }

  finish(fromLayer: number, toLayer: number): ChangeSet {
    const byPath = (a: ChangedPath, b: ChangedPath): number =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
    const sum = (list: ChangedPath[]): number => list.reduce((total, c) => total + dataBytes(c.node), 0);
    this.added.sort(byPath);
    this.modified.sort(byPath);
    this.removed.sort(byPath);
    return {
      fromLayer,
      toLayer,
      added: this.added,
      modified: this.modified,
      removed: this.removed,
      addedBytes: sum(this.added),
      modifiedBytes: sum(this.modified),
      removedBytes: sum(this.removed),
    };
  }
}

/** Bytes a node stores itself: hardlinks share their target's data, which is counted there. */
export function dataBytes(node: LayerNode): number {
  return node.kind === 'file' ? node.size : 0;
}

export const KIND_CODES: readonly ChangeKind[] = ['added', 'modified', 'removed'];
export const NONE = 255;

/**
 * What layers from..to did, as one step, kept as a table instead of objects: the touched path ids
 * sorted by path and each one's change kind. A base layer of millions of paths costs 5 bytes a path
 * here; its ChangedPath objects are made one at a time while a caller visits them.
 */
export class ChangeTable {
  /** Use changeTable. */
  constructor(
    private readonly table: PathTable,
    readonly fromLayer: number,
    readonly toLayer: number,
    private readonly ids: Int32Array,
    private readonly kinds: Uint8Array,
    /** Sums of LayerNode.size per kind (hardlinks and directories count 0). */
    readonly bytes: Readonly<Record<ChangeKind, number>>,
    readonly counts: Readonly<Record<ChangeKind, number>>,
  ) {}

  /** The changes in path order: all kinds, or only one. */
  *changes(only?: ChangeKind): Generator<ChangedPath> {
    const wanted = only === undefined ? undefined : KIND_CODES.indexOf(only);
    for (let i = 0; i < this.ids.length; i++) {
      const code = this.kinds[i]!;
      if (code === NONE || (wanted !== undefined && code !== wanted)) continue;
      const change = changeOf(this.table, this.ids[i]!, this.fromLayer, this.toLayer);
      if (change !== undefined) yield change;
    }
  }

  forEach(visit: (change: ChangedPath) => void, only?: ChangeKind): void {
    for (const change of this.changes(only)) visit(change);
  }
}

/** What layers from..to did to one path, against the merged state below `from`; undefined: nothing. */
export function changeOf(table: PathTable, id: number, from: number, to: number): ChangedPath | undefined {
  const after = table.versionAt(id, to);
  const rewritten = after !== undefined && after.layer >= from;
  return changedPath(nodeAt(table, id, from - 1), nodeAt(table, id, to), rewritten);
}

/** The ids of the paths layers from..to touched, each once, in the order they were touched. */
export function touchedIds(
  table: PathTable,
  touched: readonly number[][],
  from: number,
  to: number,
): number[] {
  const seen = from === to ? undefined : new Uint8Array(table.size);
  const list: number[] = [];
  for (let layer = from; layer <= to; layer++) {
    for (const id of touched[layer] ?? []) {
      if (seen !== undefined) {
        if (seen[id] === 1) continue;
        seen[id] = 1;
      }
      list.push(id);
    }
  }
  return list;
}

export function changeTable(
  table: PathTable,
  touched: readonly number[][],
  from: number,
  to: number,
): ChangeTable {
  const ids = Int32Array.from(touchedIds(table, touched, from, to));
  const { paths } = table;
  ids.sort((a, b) => (paths[a]! < paths[b]! ? -1 : paths[a]! > paths[b]! ? 1 : 0));
  const kinds = new Uint8Array(ids.length);
  const bytes = { added: 0, modified: 0, removed: 0 };
  const counts = { added: 0, modified: 0, removed: 0 };
  for (let i = 0; i < ids.length; i++) {
    const change = changeOf(table, ids[i]!, from, to);
    kinds[i] = change === undefined ? NONE : KIND_CODES.indexOf(change.change);
    if (change === undefined) continue;
    bytes[change.change] += dataBytes(change.node);
    counts[change.change]++;
  }
  return new ChangeTable(table, from, to, ids, kinds, bytes, counts);
}

/** What layers from..to did, as one step, against the merged state below `from`. */
export function collectChanges(
  table: PathTable,
  touched: readonly number[][],
  from: number,
  to: number,
): ChangeSet {
  const collector = new ChangeCollector();
  changeTable(table, touched, from, to).forEach((change) => {
    collector[change.change].push(change);
  });
  return collector.finish(from, to);
}

/**
 * What image B changed against image A, compared on their final trees by path. Without content
 * hashes two files are taken as equal when type, size, mode, owner, link target, xattrs and mtime agree.
 */
export function compareTables(a: PathTable, aTop: number, b: PathTable, bTop: number): ChangeSet {
  const collector = new ChangeCollector();
  // A's ids that B also holds: the paths only A holds are then found without looking each up in B.
  const inB = new Uint8Array(a.size);
  for (let id = 0; id < b.size; id++) {
    if (id === ROOT) continue;
    const after = b.versionAt(id, bTop);
    if (after?.present !== true) continue;
    const aId = a.idOf(b.paths[id]!);
    const before = aId === undefined ? undefined : a.versionAt(aId, aTop);
    if (before?.present !== true) {
      collector.add(undefined, toNode(b.paths[id]!, after), 'compare');
      continue;
    }
    inB[aId!] = 1;
    if (!sameAtSight(before, after))
      collector.add(toNode(a.paths[aId!]!, before), toNode(b.paths[id]!, after), 'compare');
  }
  for (let id = 1; id < a.size; id++) {
    if (inB[id] === 0 && a.presentAt(id, aTop)) collector.add(nodeAt(a, id, aTop), undefined, 'compare');
  }
  return collector.finish(0, bTop);
}

/**
 * Two present versions that classify(…, 'compare') surely calls unchanged, read from their columns: both
 * implicit directories, or two entries of one kind, no hardlink and no xattrs on either, the same mode,
 * owner and link target, and (unless both are directories) the same size and mtime. Anything else is left
 * to classify, which makes the two nodes.
 */
function sameAtSight(before: Version, after: Version): boolean {
  const x = before.rows;
  const y = after.rows;
  if (x === undefined || y === undefined) return x === y;
  const i = before.row;
  const j = after.row;
  const kind = x.kind(i);
  if (kind !== y.kind(j) || kind === 'hardlink') return false;
  if (x.mode(i) !== y.mode(j) || x.uid(i) !== y.uid(j) || x.gid(i) !== y.gid(j)) return false;
  if (x.linkTarget(i) !== y.linkTarget(j)) return false;
  if (x.xattrs(i) !== undefined || y.xattrs(j) !== undefined) return false;
  return kind === 'dir' || (x.realSize(i) === y.realSize(j) && x.mtime(i) === y.mtime(j));
}

/** Every layer that added, modified or removed one path, bottom to top. */
export function pathHistory(table: PathTable, id: number): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  for (const version of table.versionsOf(id)) {
    if (version.layer < 0) continue;
    const before = nodeAt(table, id, version.layer - 1);
    const after = version.present ? toNode(table.paths[id]!, version) : undefined;
    const result = classify(before, after, true);
    if (result === undefined) continue;
    const node = (result.change === 'removed' ? before : after)!;
    events.push({ layer: version.layer, change: result.change, node, details: result.details });
  }
  return events;
}
