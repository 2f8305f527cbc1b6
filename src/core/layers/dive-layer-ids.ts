/**
 * dive's leaf walk over one layer, read from the layer stack's path table instead of a tree of the layer's
 * own (dive-efficiency.ts). It serves a layer whose tree has the table's shape: every row was placed under
 * its path id, no name starts with ".wh." and every path is absolute and normal (apply-layer.ts, rowIds).
 * There dive's tree of the layer is the rows' paths and their ancestors; its leaves are the rows' paths that
 * are nobody's ancestor in the layer, each with the size of its last row. A whiteout never stops such a
 * walk, so the order of the leaves matters only for the paths it makes repeated: those are put in the
 * order of dive's walk (children before their parent, siblings by name) after the layer.
 */
import type { EntryTable } from '../model/entry-table';
import type { PathFigures } from './dive-path-figures';
import { ROOT } from './path-table';

/** The layer stack's path table, as far as the walk reads it. */
export interface DiveTable {
  /** Per layer, each row's path id; undefined where the layer's tree needs building (apply-layer.ts). */
  readonly rowIds: readonly (Int32Array | undefined)[];
  readonly parents: readonly number[];
  readonly paths: readonly string[];
}

/** Per path id, the last layer (plus one) that marked it: reused from layer to layer, never cleared. */
export class LayerMarks {
  readonly ancestor: Int32Array;
  readonly seen: Int32Array;

  constructor(count: number) {
    this.ancestor = new Int32Array(count);
    this.seen = new Int32Array(count);
  }
}

/**
 * Adds layer `layer`'s leaves to `figures` and returns the layer's size as dive counts it (every row but
 * the root's). `rowIds` is the layer's entry in DiveTable.rowIds.
 */
export function addLayerLeaves(
  figures: PathFigures,
  table: DiveTable,
  marks: LayerMarks,
  layer: number,
  rows: EntryTable,
  rowIds: Int32Array,
): number {
  const { parents, paths } = table;
  const { ancestor, seen } = marks;
  const mark = layer + 1;
  let fileSize = 0;
  for (let row = 0; row < rowIds.length; row++) {
    const id = rowIds[row]!;
    if (id === ROOT) continue;
    fileSize += rows.realSize(row);
    // An ancestor already marked has its own ancestors marked too.
    for (let p = parents[id]!; p > ROOT && ancestor[p] !== mark; p = parents[p]!) ancestor[p] = mark;
  }
  const repeated: number[] = [];
  // From the last row up: of a path written twice, dive's node keeps the last row's size.
  for (let row = rowIds.length - 1; row >= 0; row--) {
    const id = rowIds[row]!;
    if (id === ROOT || seen[id] === mark) continue;
    seen[id] = mark;
    if (ancestor[id] === mark) continue;
    if (figures.addId(id, rows.realSize(row))) repeated.push(id);
  }
  repeated.sort((x, y) => byNames(paths[x]!, paths[y]!));
  for (const id of repeated) figures.repeated.push({ path: paths[id]!, slot: id });
  return fileSize;
}

/**
 * dive's order of two leaves of one tree: name by name, each pair of names compared as strings; the path
 * that ends first is an ancestor and comes after (children first). Paths are absolute and normal.
 */
function byNames(a: string, b: string): number {
  let i = 1;
  let j = 1;
  for (;;) {
    if (i > a.length || j > b.length) return i > a.length ? (j > b.length ? 0 : 1) : -1;
    const endA = nameEnd(a, i);
    const endB = nameEnd(b, j);
    const nameA = a.slice(i, endA);
    const nameB = b.slice(j, endB);
    if (nameA !== nameB) return nameA < nameB ? -1 : 1;
    i = endA + 1;
    j = endB + 1;
  }
}

function nameEnd(path: string, start: number): number {
  const slash = path.indexOf('/', start);
  return slash < 0 ? path.length : slash;
}
