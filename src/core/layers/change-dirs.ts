/**
 * What layers from..to changed, arranged by directory over the path table: the Files view's change tree.
 * Kept per path that changed or holds a change below it, in typed arrays beside the path table's own ids,
 * parents and children: its change kind, and how many changes and bytes of changed files are at or below
 * it (17 bytes a path). A row's LayerNode and details are made when a page of its directory is asked for.
 * Holding a ChangedPath and a LayerNode per path, and maps keyed by path and name, cost a base layer of
 * 2,000,000 paths over a gigabyte.
 */
import type { ChangedPath, ChangeKind } from './layer-types';
import { changeOf, dataBytes, KIND_CODES, NONE, touchedIds } from './changes';
import { ROOT, baseName, type PathTable } from './path-table';

/** One child of a directory in the change tree. */
export interface ChangeChild {
  readonly path: string;
  readonly name: string;
  /** The child's own change; undefined when it only holds changes below it. */
  readonly change: ChangedPath | undefined;
  /** Changes at or below the child, and the bytes of their files. */
  readonly count: number;
  readonly bytes: number;
  /** Whether some change lies below the child (it opens in the tree). */
  readonly holdsChanges: boolean;
}

export class ChangeDirs {
  /** Ids of the paths in the tree, ascending (parents before children). */
  private readonly ids: Int32Array;
  private readonly kinds: Uint8Array;
  private readonly counts: Int32Array;
  private readonly bytes: Float64Array;
  /** Per change kind: how many paths, and the bytes of their files ('/' included, as in a ChangeSet). */
  readonly totals: { readonly [K in ChangeKind]: { count: number; bytes: number } } = {
    added: { count: 0, bytes: 0 },
    modified: { count: 0, bytes: 0 },
    removed: { count: 0, bytes: 0 },
  };

  constructor(
    private readonly table: PathTable,
    touched: readonly number[][],
    private readonly from: number,
    private readonly to: number,
  ) {
    // slot[id]: 1 + the id's place in `ids`, 0 when the path is not in the tree (transient, 4 bytes a path).
    const slot = new Int32Array(table.size);
    const changed: number[] = [];
    const codes: number[] = [];
    const sizes: number[] = [];
    for (const id of touchedIds(table, touched, from, to)) {
      const change = changeOf(table, id, from, to);
      if (change === undefined) continue;
      const total = this.totals[change.change];
      total.count++;
      total.bytes += dataBytes(change.node);
      if (id === ROOT) continue;
      changed.push(id);
      codes.push(KIND_CODES.indexOf(change.change));
      sizes.push(dataBytes(change.node));
      // Mark the path and its ancestors up to one already marked: each path is climbed through once.
      for (let at = id; at !== ROOT && slot[at] === 0; at = table.parents[at]!) slot[at] = 1;
    }
    let n = 0;
    for (let id = 1; id < table.size; id++) if (slot[id] !== 0) slot[id] = ++n;
    this.ids = new Int32Array(n);
    this.kinds = new Uint8Array(n).fill(NONE);
    this.counts = new Int32Array(n);
    this.bytes = new Float64Array(n);
    for (let id = 1; id < table.size; id++) if (slot[id] !== 0) this.ids[slot[id]! - 1] = id;
    changed.forEach((id, i) => {
      const at = slot[id]! - 1;
      this.kinds[at] = codes[i]!;
      this.counts[at] = 1;
      this.bytes[at] = sizes[i]!;
    });
    // Totals bottom-up: a child's id is larger than its parent's, so a reverse scan meets children first.
    for (let i = n - 1; i >= 0; i--) {
      const parent = table.parents[this.ids[i]!]!;
      if (parent === ROOT) continue;
      const at = slot[parent]! - 1;
      this.counts[at]! += this.counts[i]!;
      this.bytes[at]! += this.bytes[i]!;
    }
  }

  /** A path's place in `ids`, or -1. */
  private indexOf(id: number): number {
    let low = 0;
    let high = this.ids.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = this.ids[mid]!;
      if (at === id) return mid;
      if (at < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  private holdsBelow(i: number): boolean {
    return this.counts[i]! - (this.kinds[i] === NONE ? 0 : 1) > 0;
  }

  /** The children of a directory that changed or hold changes, in the path table's order; none when it holds none. */
  children(path: string): ChangeChild[] {
    const id = this.table.idOf(path);
    if (id === undefined) return [];
    if (id !== ROOT) {
      const at = this.indexOf(id);
      if (at < 0 || !this.holdsBelow(at)) return [];
    }
    const children: ChangeChild[] = [];
    for (const child of this.table.children[id] ?? []) {
      const i = this.indexOf(child);
      if (i < 0) continue;
      const childPath = this.table.paths[child]!;
      children.push({
        path: childPath,
        name: baseName(childPath),
        change: this.kinds[i] === NONE ? undefined : changeOf(this.table, child, this.from, this.to),
        count: this.counts[i]!,
        bytes: this.bytes[i]!,
        holdsChanges: this.holdsBelow(i),
      });
    }
    return children;
  }
}
