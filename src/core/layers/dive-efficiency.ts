/**
 * dive's efficiency figures, reproduced exactly (wagoodman/dive dive/filetree/efficiency.go and
 * dive/image/analysis.go; docs/archive-formats.md#dives-figures), quirks included, so that a dive CI gate
 * gives the same verdict here:
 * - per path p (whiteouts keyed by the path they delete), each occurrence in a layer adds s = the
 *   tar header size; a whiteout adds the whole lower size when the lower node is a directory
 *   with an entry of its own, else 0. Cum(p), Min(p), N(p); E = Σ Min / Σ Cum (1 when Σ Cum = 0);
 *   W = Σ Cum over paths with N ≥ 2 (the kept copy counts too, dive #684); U = all layers but layer 0;
 * - only leaves of each layer's own tree are visited, children in byte order, child first;
 * - opaque markers (`.wh..wh..*`) are never added, so lower files stay (dive #391);
 * - a whiteout whose path is missing below stops that layer's visit, and its path keeps Min = -1;
 * - the "lower" tree is layer 0 as read plus layers 0..n-1 stacked, where a stacked intermediate
 *   directory without an entry overwrites the lower directory's attributes with empty ones.
 * This is deliberately not the corrected figure: see true-waste.ts.
 */
import { EntryTable } from '../model/entry-table';
import type { TarEntry } from '../model/tar-entry';
import { addLayerLeaves, LayerMarks, type DiveTable } from './dive-layer-ids';
import { PathFigures, type PathIds } from './dive-path-figures';

const WHITEOUT = '.wh.';
const DOUBLE_WHITEOUT = '.wh..wh..';

interface DiveNode {
  readonly name: string;
  /** Made on the first child: most nodes are leaves, and an empty Map costs ~100 bytes. */
  children: Map<string, DiveNode> | undefined;
  /** dive's FileInfo: empty (size 0, not a dir) for nodes created as intermediates. */
  size: number;
  isDir: boolean;
}

function newNode(name: string): DiveNode {
  return { name, children: undefined, size: 0, isDir: false };
}

function setChild(node: DiveNode, child: DiveNode): void {
  (node.children ??= new Map()).set(child.name, child);
}

const SLASH = 0x2f;

/**
 * Where the path's next name starts at or after `from` (the path's length when none is left): names are
 * read in place, without splitting every path of every layer into an array.
 */
function nameStart(path: string, from: number): number {
  while (from < path.length && path.charCodeAt(from) === SLASH) from++;
  return from;
}

function nameEnd(path: string, start: number): number {
  const slash = path.indexOf('/', start);
  return slash < 0 ? path.length : slash;
}

/** dive's FileTree.AddPath: intermediates get empty info; an existing node keeps its children. */
function addPath(root: DiveNode, path: string, size: number, isDir: boolean): void {
  let node = root;
  for (let start = nameStart(path, 0); start < path.length;) {
    const end = nameEnd(path, start);
    const name = path.slice(start, end);
    start = nameStart(path, end);
    let child = node.children?.get(name);
    if (child === undefined) {
      if (name.startsWith(DOUBLE_WHITEOUT)) return;
      child = newNode(name);
      setChild(node, child);
    }
    node = child;
  }
  if (node === root) return;
  node.size = size;
  node.isDir = isDir;
}

function getNode(root: DiveNode, path: string): DiveNode | undefined {
  let node: DiveNode | undefined = root;
  for (let start = nameStart(path, 0); start < path.length;) {
    const end = nameEnd(path, start);
    node = node.children?.get(path.slice(start, end));
    if (node === undefined) return undefined;
    start = nameStart(path, end);
  }
  return node;
}

function sortedChildren(node: DiveNode): DiveNode[] {
  if (node.children === undefined) return [];
  return [...node.children.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The path dive keys a node by: a whiteout's own ".wh." prefix is dropped. */
function nodePath(parentPath: string, node: DiveNode): string {
  const name = node.name.startsWith(WHITEOUT) ? node.name.slice(WHITEOUT.length) : node.name;
  return parentPath === '/' ? `/${name}` : `${parentPath}/${name}`;
}

function rawPath(parentPath: string, node: DiveNode): string {
  return parentPath === '/' ? `/${node.name}` : `${parentPath}/${node.name}`;
}

/** A layer's entries; a table is read by its columns, without making an object per entry. */
export type DiveLayer = EntryTable | Iterable<TarEntry>;

function buildLayerTree(entries: DiveLayer): { root: DiveNode; fileSize: number } {
  const root = newNode('');
  let fileSize = 0;
  const add = (path: string, realSize: number, isDir: boolean): void => {
    if (path === '/') return;
    fileSize += realSize;
    addPath(root, path, realSize, isDir);
  };
  if (entries instanceof EntryTable) {
    for (let row = 0; row < entries.length; row++)
      add(entries.path(row), entries.realSize(row), entries.kind(row) === 'dir');
  } else {
    for (const entry of entries) add(entry.path, entry.realSize, entry.kind === 'dir');
  }
  return { root, fileSize };
}

function subtreeSize(node: DiveNode): number {
  let total = 0;
  const pending = [node];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    total += next.size;
    for (const child of next.children?.values() ?? []) pending.push(child);
  }
  return total;
}

interface Frame {
  readonly node: DiveNode;
  /** The node's own path, its children's parent path. */
  readonly path: string;
  readonly parentPath: string;
  readonly children: DiveNode[];
  next: number;
}

/** What postOrder calls for each node; false stops the layer's visit. */
interface NodeVisitor {
  visit(node: DiveNode, parentPath: string): boolean;
}

/**
 * Children before their parent, siblings by name: dive's post-order walk, without recursion (a
 * hostile layer nests deeper than the call stack). Stops, returning false, when `visitor` does.
 */
function postOrder(top: DiveNode, visitor: NodeVisitor): boolean {
  const frames: Frame[] = [];
  const enter = (node: DiveNode, parentPath: string): void => {
    const children = sortedChildren(node);
    // A leaf's own path is never a parent path: only a node with children makes one.
    const path = children.length > 0 ? rawPath(parentPath, node) : '';
    frames.push({ node, path, parentPath, children, next: 0 });
  };
  for (const child of sortedChildren(top)) {
    enter(child, '/');
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const child = frame.children[frame.next];
      if (child !== undefined) {
        frame.next++;
        enter(child, frame.path);
        continue;
      }
      frames.pop();
      if (!visitor.visit(frame.node, frame.parentPath)) return false;
    }
  }
  return true;
}

/**
 * dive's visitor over one layer's tree at a time (`layer`): each leaf adds its size at its path; a whiteout
 * adds what it hides in the tree below (`lowerAt`), and a whiteout of nothing stops the layer's visit. One
 * object for all layers, so the walk calls one function.
 */
class LeafFigures implements NodeVisitor {
  layer = 0;

  constructor(
    private readonly paths: PathFigures,
    private readonly lowerAt: (layer: number) => DiveNode,
  ) {}

  visit(node: DiveNode, parentPath: string): boolean {
    if ((node.children?.size ?? 0) > 0) return true;
    const path = nodePath(parentPath, node);
    let size = node.size;
    if (node.name.startsWith(WHITEOUT)) {
      const hidden = getNode(this.lowerAt(this.layer), path);
      if (hidden === undefined) {
        this.paths.touch(path);
        return false;
      }
      size = hidden.isDir ? subtreeSize(hidden) : 0;
    }
    this.paths.add(path, size);
    return true;
  }
}

/**
 * dive's FileTree.Stack: whiteouts remove, everything else is added with its info. dive walks child
 * first and adds each node by its full path; walking parent first and holding the lower node
 * instead gives the same tree (a node's own info is set last either way, and siblings keep their
 * order) without splitting every path again, which costs the square of a hostile depth.
 */
function stack(lower: DiveNode, upper: DiveNode): void {
  const pending: { upper: DiveNode; lower: DiveNode }[] = [{ upper, lower }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const children = sortedChildren(next.upper);
    const descend: { upper: DiveNode; lower: DiveNode }[] = [];
    for (const child of children) {
      if (child.name.startsWith(DOUBLE_WHITEOUT)) continue;
      if (child.name.startsWith(WHITEOUT)) {
        next.lower.children?.delete(child.name.slice(WHITEOUT.length));
        continue;
      }
      let twin = next.lower.children?.get(child.name);
      if (twin === undefined) {
        twin = newNode(child.name);
        setChild(next.lower, twin);
      }
      twin.size = child.size;
      twin.isDir = child.isDir;
      descend.push({ upper: child, lower: twin });
    }
    for (let i = descend.length - 1; i >= 0; i--) pending.push(descend[i]!);
  }
}

export interface DiveInefficiency {
  readonly path: string;
  readonly count: number;
  readonly cumulativeSize: number;
}

export interface DiveFigures {
  readonly efficiency: number;
  readonly sizeBytes: number;
  readonly userSizeBytes: number;
  readonly wastedBytes: number;
  /** wastedBytes / userSizeBytes, as dive divides (NaN or Infinity when there are no user bytes). */
  readonly userWastedPercent: number;
  /** Layer sizes as dive shows them: sums of tar header sizes. */
  readonly layerSizes: readonly number[];
  /** Paths seen in two layers or more, largest cumulative size first (dive's CI report order). */
  readonly inefficiencies: readonly DiveInefficiency[];
}

/**
 * `ids` (the layer stack's path ids, LayerStack.diveFigures) lets the figures of a path sit at its id
 * instead of under its own key: the same figures in a fraction of the memory.
 */
export function computeDiveFigures(
  layers: readonly DiveLayer[],
  ids?: { readonly of: PathIds; readonly count: number; readonly table?: DiveTable },
): DiveFigures {
  const paths = new PathFigures(ids?.of, ids?.count);
  const layerSizes: number[] = [];
  // The tree below layer n is layer 0's own tree, copied, with layers 0..n-1 stacked on it (dive's
  // StackTreeRange(0, n-1)). Only a whiteout looks into it, so it is built when the first whiteout needs it.
  let lower: DiveNode | undefined;
  let stacked = 0;
  let previous: DiveNode | undefined;
  const lowerAt = (n: number): DiveNode => {
    lower ??= buildLayerTree(layers[0]!).root;
    for (; stacked < n; stacked++)
      stack(lower, stacked === n - 1 && previous ? previous : buildLayerTree(layers[stacked]!).root);
    return lower;
  };

  const leaves = new LeafFigures(paths, lowerAt);
  const table = ids?.table;
  const marks = table && new LayerMarks(ids.count);
  for (const [n, entries] of layers.entries()) {
    // A layer shaped like the stack's table is walked in it, without a tree of its own (dive-layer-ids.ts).
    const rowIds = table?.rowIds[n];
    if (rowIds && marks && entries instanceof EntryTable) {
      layerSizes.push(addLayerLeaves(paths, table, marks, n, entries, rowIds));
      previous = undefined;
      continue;
    }
    const { root, fileSize } = buildLayerTree(entries);
    layerSizes.push(fileSize);
    leaves.layer = n;
    postOrder(root, leaves);
    previous = root;
  }

  const { minimum, discovered } = paths.sums();
  const sizeBytes = layerSizes.reduce((sum, n) => sum + n, 0);
  const userSizeBytes = sizeBytes - (layerSizes[0] ?? 0);
  const wastedBytes = paths.repeated.reduce((sum, item) => sum + paths.cumulativeOf(item.slot), 0);
  return {
    efficiency: discovered === 0 ? 1 : minimum / discovered,
    sizeBytes,
    userSizeBytes,
    wastedBytes,
    userWastedPercent: wastedBytes / userSizeBytes,
    layerSizes,
    inefficiencies: paths.repeated
      .map(({ path, slot }) => ({
        path,
        count: paths.countOf(slot),
        cumulativeSize: paths.cumulativeOf(slot),
      }))
      .sort((a, b) => b.cumulativeSize - a.cumulativeSize),
  };
}
