/**
 * The layer stack: every layer's entries applied bottom to top into one path table, then asked
 * lazily: a layer's changes, a directory page at a layer, one path's history, a search, an ImageFs.
 * Building costs one pass over the entries; nothing is copied per layer.
 */
import type { ImageFs } from '../model/image-fs';
import { EntryTable } from '../model/entry-table';
import type { TarEntry } from '../model/tar-entry';
import type {
  ChangeSet,
  ContentReader,
  DirPage,
  HistoryEvent,
  LayerNode,
  LayerWarning,
  ListDirOptions,
  SearchQuery,
  SearchResult,
} from './layer-types';
import { applyLayer, type SelfOverwrite } from './apply-layer';
import { changeTable, collectChanges, compareTables, pathHistory, type ChangeTable } from './changes';
import { ChangeDirs } from './change-dirs';
import { toNode } from './classify';
import { ImageFsView } from './image-fs-view';
import { DirTotals, listChildren } from './list-dir';
import { PathTable, ROOT, Version } from './path-table';
import { computeDiveFigures, type DiveFigures } from './dive-efficiency';
import { searchPaths } from './search';
import { computeTrueWaste, type TrueWaste } from './true-waste';

const KEPT_CHANGE_SETS = 8;

export class LayerRangeError extends RangeError {
  override name = 'LayerRangeError';
}

export class LayerStack {
  readonly layerCount: number;
  readonly warnings: readonly LayerWarning[];
  private readonly totals: DirTotals;
  private readonly changeCache = new Map<number, ChangeSet>();
  private trueWasteCache: TrueWaste | undefined;

  /** Use buildLayerStack. */
  constructor(
    /** Each layer's entry table (kept by reference, for dive's per-layer view and for content reads). */
    readonly layers: readonly EntryTable[],
    readonly table: PathTable,
    private readonly touched: readonly number[][],
    warnings: LayerWarning[],
    private readonly selfOverwrites: readonly SelfOverwrite[],
    /** Each layer's row → path id, where dive's tree of the layer has the table's shape (apply-layer.ts). */
    private readonly rowIds: readonly (Int32Array | undefined)[] = [],
  ) {
    this.layerCount = layers.length;
    this.warnings = warnings;
    this.totals = new DirTotals(table);
  }

  get topLayer(): number {
    return this.layerCount - 1;
  }

  /** Paths any layer mentioned (implicit parents and removed paths included). */
  get pathCount(): number {
    return this.table.size;
  }

  private check(layer: number): void {
    if (!Number.isInteger(layer) || layer < 0 || layer >= this.layerCount) {
      throw new LayerRangeError(
        `Layer ${layer} does not exist: this image has layers 0 to ${this.topLayer}.`,
      );
    }
  }

  /** What layer n added, modified and removed against the merged layers below it. */
  changes(layer: number): ChangeSet {
    this.check(layer);
    let set = this.changeCache.get(layer);
    if (set === undefined) {
      set = collectChanges(this.table, this.touched, layer, layer);
      // A base layer's change set is as large as the layer: keep only the few looked at last.
      if (this.changeCache.size >= KEPT_CHANGE_SETS)
        this.changeCache.delete(this.changeCache.keys().next().value!);
    } else {
      this.changeCache.delete(layer);
    }
    this.changeCache.set(layer, set);
    return set;
  }

  /**
   * Layer n's changes as a compact table, visited one ChangedPath at a time: for writers of a whole
   * layer's changes (a base layer may hold millions of paths), which then never hold them all.
   */
  changeTable(layer: number): ChangeTable {
    this.check(layer);
    return changeTable(this.table, this.touched, layer, layer);
  }

  /**
   * Layers from..to (inclusive) as one step, arranged by directory for the Files view's change tree: rows
   * made a directory at a time, so a base layer of millions of paths never holds an object per path.
   */
  changeDirs(from: number, to: number): ChangeDirs {
    this.check(from);
    this.check(to);
    if (from > to) throw new LayerRangeError(`A layer range runs upwards: ${from} is above ${to}.`);
    return new ChangeDirs(this.table, this.touched, from, to);
  }

  /** Layers from..to (inclusive) as one step: the state below `from` against the state after `to`. */
  changesBetween(from: number, to: number): ChangeSet {
    this.check(from);
    this.check(to);
    if (from > to) throw new LayerRangeError(`A layer range runs upwards: ${from} is above ${to}.`);
    return from === to ? this.changes(from) : collectChanges(this.table, this.touched, from, to);
  }

  stat(layer: number, path: string): LayerNode | undefined {
    this.check(layer);
    const id = this.table.idOf(path);
    const version = id === undefined ? undefined : this.table.versionAt(id, layer);
    return version?.present === true ? toNode(path, version) : undefined;
  }

  /** A page of a directory's children at layer n; undefined when the path is not a directory there. */
  listDir(layer: number, path: string, options: ListDirOptions = {}): DirPage | undefined {
    const node = this.stat(layer, path);
    if (node?.kind !== 'dir') return undefined;
    return listChildren(this.table, this.totals, this.table.idOf(path)!, layer, options);
  }

  /** Total size of the regular files below a directory at layer n (0 when absent). */
  totalSize(layer: number, path: string): number {
    this.check(layer);
    const id = this.table.idOf(path);
    return id === undefined || !this.table.presentAt(id, layer) ? 0 : this.totals.at(layer)[id]!;
  }

  history(path: string): HistoryEvent[] {
    const id = this.table.idOf(path);
    return id === undefined ? [] : pathHistory(this.table, id);
  }

  /** Throws SearchQueryError when a regex does not compile. */
  search(layer: number | 'all', query: SearchQuery, limit = 1000): SearchResult {
    if (layer !== 'all') this.check(layer);
    return searchPaths(this.table, this.topLayer, layer, query, limit);
  }

  /** The merged tree at layer n as a read-only filesystem; `read` needs a content reader. */
  imageFs(layer: number, reader?: ContentReader): ImageFs {
    this.check(layer);
    return new ImageFsView(this.table, layer, reader);
  }

  /** Bytes written by some layer and hidden in the final image; largest files first. */
  trueWaste(largestCount = 20): TrueWaste {
    if (this.trueWasteCache === undefined || this.trueWasteCache.largest.length < largestCount) {
      this.trueWasteCache = computeTrueWaste(this.table, this.layerCount, this.selfOverwrites, largestCount);
    }
    return { ...this.trueWasteCache, largest: this.trueWasteCache.largest.slice(0, largestCount) };
  }

  /** dive's figures for these layers (dive-efficiency.ts), kept per path id of this stack. */
  diveFigures(): DiveFigures {
    const { table } = this;
    return computeDiveFigures(this.layers, {
      of: (path) => table.idOf(path),
      count: table.size,
      table: { rowIds: this.rowIds, parents: table.parents, paths: table.paths },
    });
  }

  /** Visits every path of the final image (root excluded), in path-id order. */
  forEachFinal(visit: (node: LayerNode) => void): void {
    for (let id = 1; id < this.table.size; id++) {
      const version = this.table.versionAt(id, this.topLayer);
      if (version?.present === true) visit(toNode(this.table.paths[id]!, version));
    }
  }
}

/**
 * Applies the layers' entries (bottom to top, each in tar order) into one stack. Entry arrays (tests,
 * entries read back from a store) are made tables first.
 */
export function buildLayerStack(input: readonly (EntryTable | readonly TarEntry[])[]): LayerStack {
  const layers = input.map((entries) => (entries instanceof EntryTable ? entries : EntryTable.from(entries)));
  const table = new PathTable();
  // The root exists before any layer, so it is never "added".
  table.pushVersion(ROOT, new Version(-1, true, undefined, -1));
  const sink = {
    table,
    touched: [] as number[][],
    rowIds: [] as (Int32Array | undefined)[],
    warnings: [] as LayerWarning[],
    selfOverwrites: [] as SelfOverwrite[],
  };
  layers.forEach((entries, index) => {
    applyLayer(sink, index, entries);
  });
  return new LayerStack(layers, table, sink.touched, sink.warnings, sink.selfOverwrites, sink.rowIds);
}

/**
 * What a derived image changed against its base, on their final trees (an image compare).
 * Both stacks need at least one layer.
 */
export function compareTrees(base: LayerStack, derived: LayerStack): ChangeSet {
  return compareTables(base.table, base.topLayer, derived.table, derived.topLayer);
}
