/**
 * What the Files view asks for, in pages: the merged tree at a layer, or only what a layer (a range
 * of layers, or an image against another) changed, as a tree whose directories say how many changes
 * they contain. Rows are plain data, cheap to post to the page.
 */
import type { ChangeDetail, ChangeDirs, ChangeKind, ChangeSet, LayerNode, ListedNode } from '../layers';
import type { LayerStack } from '../layers';
import type { ContentKind } from '../model/content-kind';

export type RowChange = ChangeKind | 'unchanged' | 'contains';
export type TreeSort = 'name' | 'size';

export interface TreeRow {
  readonly path: string;
  readonly name: string;
  readonly kind: string;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  /** Directories: bytes of the files below (merged tree) or of the changed files below (changes). */
  readonly totalSize: number;
  readonly linkTarget: string;
  readonly layer: number;
  readonly change: RowChange;
  readonly details: readonly ChangeDetail[];
  /** Changed paths at or below this row (changes mode). */
  readonly changedCount: number;
  readonly hasChildren: boolean;
}

export interface TreePage {
  readonly path: string;
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly TreeRow[];
}

export interface TreeFilter {
  readonly changes?: readonly RowChange[];
  readonly kinds?: readonly string[];
  readonly minSize?: number;
  readonly maxSize?: number;
  readonly specialBits?: boolean;
  /** What a file's first bytes say (read in the worker): ELF, a #! script, or text. */
  readonly content?: readonly ContentKind[];
}

export interface TreeRequest {
  readonly path: string;
  readonly offset: number;
  readonly limit: number;
  readonly sort: TreeSort;
  readonly filter?: TreeFilter;
}

function row(node: LayerNode, change: RowChange, extra: Partial<TreeRow> = {}): TreeRow {
  return {
    path: node.path,
    name: node.name,
    kind: node.kind,
    mode: node.mode,
    uid: node.uid,
    gid: node.gid,
    size: node.size,
    totalSize: node.size,
    linkTarget: node.linkTarget,
    layer: node.layer,
    change,
    details: [],
    changedCount: 0,
    hasChildren: node.kind === 'dir',
    ...extra,
  };
}

function keep(r: TreeRow, filter: TreeFilter | undefined): boolean {
  if (!filter) return true;
  const isDir = r.kind === 'dir';
  if (filter.kinds?.length && !isDir && !filter.kinds.includes(r.kind)) return false;
  if (filter.minSize !== undefined && !isDir && r.size < filter.minSize) return false;
  if (filter.maxSize !== undefined && !isDir && r.size > filter.maxSize) return false;
  if (filter.specialBits && !isDir && (r.mode & 0o6000) === 0) return false;
  if (filter.changes?.length && !isDir && !filter.changes.includes(r.change)) return false;
  return true;
}

function order(rows: TreeRow[], sort: TreeSort): TreeRow[] {
  const byName = (a: TreeRow, b: TreeRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return rows.sort(sort === 'size' ? (a, b) => b.totalSize - a.totalSize || byName(a, b) : byName);
}

function page(path: string, rows: TreeRow[], request: TreeRequest): TreePage {
  const kept = order(
    rows.filter((r) => keep(r, request.filter)),
    request.sort,
  );
  return {
    path,
    total: kept.length,
    offset: request.offset,
    rows: kept.slice(request.offset, request.offset + request.limit),
  };
}

/** The merged tree at `layer`, one directory at a time; removed entries listed too (dive shows them). */
export function mergedTreePage(stack: LayerStack, layer: number, request: TreeRequest): TreePage | undefined {
  const listing = stack.listDir(layer, request.path, { includeRemoved: true, sort: 'name' });
  if (!listing) return undefined;
  const rows = listing.entries.map((n: ListedNode) => row(n, n.change, { totalSize: n.totalSize }));
  return page(request.path, rows, request);
}

/** How many paths each kind of change holds, and the bytes of their files. */
export interface ChangeCounts {
  readonly added: number;
  readonly modified: number;
  readonly removed: number;
  readonly addedBytes: number;
  readonly modifiedBytes: number;
  readonly removedBytes: number;
}

interface ChangeSlot {
  readonly parent: ChangeSlot | undefined;
  node?: LayerNode;
  change?: ChangeKind;
  details: readonly ChangeDetail[];
  /** Changes at or below this path, and the bytes of their files. */
  count: number;
  bytes: number;
}

interface ChangeDir {
  readonly children: Map<string, ChangeSlot>;
}

/** A change set arranged as a tree: each directory lists its changed children and the dirs that contain changes. */
export class ChangeTree {
  private readonly dirs = new Map<string, ChangeDir>();
  private readonly slots = new Map<string, ChangeSlot>();
  /** Slots in the order they were made: every parent before its children. */
  private readonly made: ChangeSlot[] = [];

  constructor(readonly set: ChangeSet) {
    for (const c of [...set.added, ...set.modified, ...set.removed]) {
      if (c.path === '/') continue;
      const slot = this.slot(c.path);
      slot.node = c.node;
      slot.change = c.change;
      slot.details = c.details;
      slot.count++;
      slot.bytes += c.node.kind === 'file' ? c.node.size : 0;
    }
    // Totals bottom-up, children before parents: no path is walked again per change below it.
    for (let i = this.made.length - 1; i >= 0; i--) {
      const slot = this.made[i]!;
      if (slot.parent === undefined) continue;
      slot.parent.count += slot.count;
      slot.parent.bytes += slot.bytes;
    }
  }

  /** The slot of a path, made with its missing ancestors (climbing, not recursing: trees may nest thousands deep). */
  private slot(path: string): ChangeSlot {
    const known = this.slots.get(path);
    if (known !== undefined) return known;
    const missing: string[] = [];
    let at = path;
    while (at !== '/' && !this.slots.has(at)) {
      missing.push(at);
      at = at.slice(0, at.lastIndexOf('/')) || '/';
    }
    let parent = at === '/' ? undefined : this.slots.get(at);
    for (let i = missing.length - 1; i >= 0; i--) {
      const full = missing[i]!;
      const slash = full.lastIndexOf('/');
      const slot: ChangeSlot = { parent, details: [], count: 0, bytes: 0 };
      this.slots.set(full, slot);
      this.made.push(slot);
      this.dir(slash === 0 ? '/' : full.slice(0, slash)).children.set(full.slice(slash + 1), slot);
      parent = slot;
    }
    return parent!;
  }

  private dir(path: string): ChangeDir {
    let d = this.dirs.get(path);
    if (!d) {
      d = { children: new Map() };
      this.dirs.set(path, d);
    }
    return d;
  }

  get counts(): ChangeCounts {
    const s = this.set;
    return {
      added: s.added.length,
      modified: s.modified.length,
      removed: s.removed.length,
      addedBytes: s.addedBytes,
      modifiedBytes: s.modifiedBytes,
      removedBytes: s.removedBytes,
    };
  }

  page(stack: LayerStack | undefined, layer: number, request: TreeRequest): TreePage {
    const dir = this.dirs.get(request.path);
    const rows: TreeRow[] = [];
    for (const [name, child] of dir?.children ?? []) {
      const path = request.path === '/' ? `/${name}` : `${request.path}/${name}`;
      rows.push(
        changeRow(stack, layer, {
          path,
          name,
          node: child.node,
          change: child.change,
          details: child.details,
          count: child.count,
          bytes: child.bytes,
          hasChildren: this.dirs.has(path),
        }),
      );
    }
    return page(request.path, rows, request);
  }
}

/**
 * One layer's (or one stack's range of layers') change tree over the stack's own path table
 * (`LayerStack.changeDirs`): the same pages as a ChangeTree of that change set, with a row's node made
 * only when its directory is asked for.
 */
export class LayerChangeTree {
  constructor(private readonly dirs: ChangeDirs) {}

  get counts(): ChangeCounts {
    const { added, modified, removed } = this.dirs.totals;
    return {
      added: added.count,
      modified: modified.count,
      removed: removed.count,
      addedBytes: added.bytes,
      modifiedBytes: modified.bytes,
      removedBytes: removed.bytes,
    };
  }

  page(stack: LayerStack | undefined, layer: number, request: TreeRequest): TreePage {
    const rows = this.dirs.children(request.path).map((child) =>
      changeRow(stack, layer, {
        path: child.path,
        name: child.name,
        node: child.change?.node,
        change: child.change?.change,
        details: child.change?.details ?? [],
        count: child.count,
        bytes: child.bytes,
        hasChildren: child.holdsChanges,
      }),
    );
    return page(request.path, rows, request);
  }
}

interface ChangeRowSource {
  readonly path: string;
  readonly name: string;
  /** The changed node; undefined for a directory that only holds changes (read from the stack). */
  readonly node: LayerNode | undefined;
  readonly change: ChangeKind | undefined;
  readonly details: readonly ChangeDetail[];
  /** Changes at or below the path, and the bytes of their files. */
  readonly count: number;
  readonly bytes: number;
  /** Some change lies below the path. */
  readonly hasChildren: boolean;
}

function changeRow(stack: LayerStack | undefined, layer: number, child: ChangeRowSource): TreeRow {
  const { path, name } = child;
  const node = child.node ?? stack?.stat(layer, path);
  const base: LayerNode = node ?? {
    path,
    name,
    kind: 'dir',
    mode: 0o755,
    uid: 0,
    gid: 0,
    size: 0,
    mtime: 0,
    linkTarget: '',
    layer: -1,
    implicit: true,
    hardlink: undefined,
    entry: undefined,
  };
  return row(base, child.change ?? 'contains', {
    name,
    details: child.details,
    changedCount: child.change ? child.count - 1 : child.count,
    totalSize: child.hasChildren ? child.bytes : base.size,
    hasChildren: child.hasChildren,
  });
}
