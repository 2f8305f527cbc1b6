/**
 * Paging the merged tree at one layer. Directory totals need the whole tree below, so they are
 * computed for a whole layer at once (one reverse scan over path ids: children before parents)
 * and kept for the few layers looked at last.
 */
import type { ChangeKind, DirPage, LayerNode, ListDirOptions, ListedNode, ListSort } from './layer-types';
import { classify, toNode } from './classify';
import { dataBytes } from './changes';
import type { PathTable } from './path-table';

const KEPT_LAYERS = 4;

export class DirTotals {
  private readonly cache = new Map<number, Float64Array>();

  constructor(private readonly table: PathTable) {}

  at(layer: number): Float64Array {
    const hit = this.cache.get(layer);
    if (hit !== undefined) {
      this.cache.delete(layer);
      this.cache.set(layer, hit);
      return hit;
    }
    const { table } = this;
    const totals = new Float64Array(table.size);
    for (let id = table.size - 1; id > 0; id--) {
      const version = table.versionAt(id, layer);
      if (version?.present !== true) continue;
      totals[id]! += version.fileBytes;
      totals[table.parents[id]!]! += totals[id]!;
    }
    this.cache.set(layer, totals);
    if (this.cache.size > KEPT_LAYERS) this.cache.delete(this.cache.keys().next().value!);
    return totals;
  }
}

function changeAt(table: PathTable, id: number, layer: number, node: LayerNode): ChangeKind | 'unchanged' {
  if (node.layer !== layer) return 'unchanged';
  const below = table.versionAt(id, layer - 1);
  const before = below?.present === true ? toNode(node.path, below) : undefined;
  return classify(before, node, true)?.change ?? 'unchanged';
}

const KIND_ORDER = ['dir', 'file', 'symlink', 'hardlink', 'char', 'block', 'fifo', 'other'];

function comparator(sort: ListSort): (a: ListedNode, b: ListedNode) => number {
  const byName = (a: ListedNode, b: ListedNode): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  switch (sort) {
    case 'name':
      return byName;
    case 'size':
      return (a, b) => a.totalSize - b.totalSize || byName(a, b);
    case 'kind':
      return (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || byName(a, b);
    case 'layer':
      return (a, b) => a.layer - b.layer || byName(a, b);
  }
}

export function listChildren(
  table: PathTable,
  totals: DirTotals,
  dirId: number,
  layer: number,
  options: ListDirOptions,
): DirPage {
  const sizes = totals.at(layer);
  const text = options.filter?.text?.toLowerCase();
  const changes = options.filter?.changes;
  const listed: ListedNode[] = [];
  for (const id of table.children[dirId] ?? []) {
    const version = table.versionAt(id, layer);
    if (version === undefined) continue;
    let node: LayerNode;
    let change: ChangeKind | 'unchanged';
    if (version.present) {
      node = toNode(table.paths[id]!, version);
      change = changeAt(table, id, layer, node);
    } else {
      const below = table.versionAt(id, layer - 1);
      if (!options.includeRemoved || version.layer !== layer || below?.present !== true) continue;
      node = toNode(table.paths[id]!, below);
      change = 'removed';
    }
    if (text !== undefined && !node.name.toLowerCase().includes(text)) continue;
    if (changes !== undefined && !changes.includes(change)) continue;
    let totalSize = dataBytes(node);
    // A removed directory shows what it held just below, the way dive sizes a removed subtree.
    if (node.kind === 'dir') totalSize = change === 'removed' ? totals.at(layer - 1)[id]! : sizes[id]!;
    listed.push({ ...node, entry: node.entry, change, totalSize });
  }
  const compare = comparator(options.sort ?? 'name');
  listed.sort(options.descending === true ? (a, b) => compare(b, a) : compare);
  const offset = Math.max(0, options.offset ?? 0);
  const limit = options.limit ?? listed.length;
  return {
    path: table.paths[dirId]!,
    total: listed.length,
    offset,
    entries: listed.slice(offset, offset + limit),
  };
}
