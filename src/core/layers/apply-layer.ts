/**
 * Applies one layer's entries to the path table (docs/archive-formats.md#layer-changes), in three passes:
 * 1. whiteouts and opaque markers remove paths of the LOWER state (the spec only says markers
 *    SHOULD precede their siblings: containers/storage wrote `etc/.wh.to-delete` after
 *    `etc/os-release`, so a marker's position in the tar must not matter);
 * 2. the layer's other entries, in tar order (of duplicate paths the last wins);
 * 3. hardlinks, resolved in this layer first, then in the merged lower state, else broken. They
 *    resolve once the layer's entries are placed and keep pointing at that version: a later layer
 *    that replaces the target does not change an older link (observed with etc/motd.hardlink).
 * A whiteout never hides an entry of its own layer: pass 1 runs before any entry is placed.
 */
import type { EntryTable } from '../model/entry-table';
import type { Said } from '../model/said';
import type { LayerWarning } from './layer-types';
import { layerSaid, renderLayerSaid } from './layer-sentences';
import { baseName, isDirVersion, parentPath, joinPath, ROOT, Version, type PathTable } from './path-table';

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
const META_WHITEOUT = '.wh..wh.';
/**
 * estargz bookkeeping at the root of a layer (docs/archive-formats.md#build-debris): never part of the image.
 */
const ESTARGZ_DEBRIS = new Set(['/stargz.index.json', '/.prefetch.landmark', '/.no.prefetch.landmark']);

/** Bytes a layer wrote and then replaced itself (duplicate paths): waste charged to that layer. */
export interface SelfOverwrite {
  readonly layer: number;
  readonly path: string;
  readonly size: number;
}

export interface LayerSink {
  readonly table: PathTable;
  /** Ids with a version at each layer, in the order they were first touched. */
  readonly touched: number[][];
  /**
   * Per layer, each row's path id, when dive's tree of the layer has the path table's shape: every row
   * placed, no name starting ".wh." anywhere, every path absolute and normal (dive-layer-ids.ts). Otherwise
   * undefined, and dive's figures build the layer's own tree.
   */
  readonly rowIds: (Int32Array | undefined)[];
  readonly warnings: LayerWarning[];
  readonly selfOverwrites: SelfOverwrite[];
}

/** The layer's rows are read column by column: no TarEntry object is made for a plain entry. */
export function applyLayer(sink: LayerSink, layer: number, entries: EntryTable): void {
  const touched: number[] = [];
  sink.touched.push(touched);
  sink.table.setLayerRows(layer, entries);
  const ctx: Ctx = { sink, layer, rows: entries, touched, links: [] };
  // A marker's name is found in the row's bytes: only markers are made strings in this pass.
  for (let row = 0; row < entries.length; row++) {
    if (entries.nameStartsWithWhiteout(row)) applyMarker(ctx, entries.path(row));
  }
  const rowIds = new Int32Array(entries.length);
  let plain = true;
  for (let row = 0; row < entries.length; row++) {
    if (entries.nameStartsWithWhiteout(row)) {
      plain = false;
      continue;
    }
    const path = entries.path(row);
    if (ESTARGZ_DEBRIS.has(path)) {
      plain = false;
      continue;
    }
    if (plain && !diveShaped(path)) plain = false;
    rowIds[row] = placeEntry(ctx, row, path);
  }
  sink.rowIds.push(plain ? rowIds : undefined);
  for (const id of ctx.links) resolveHardlink(ctx, id, 0);
}

/** dive splits a path into names as the path table does: absolute, normal, and no whiteout name in it. */
function diveShaped(path: string): boolean {
  return (
    path.charCodeAt(0) === 0x2f &&
    !path.includes('/.wh.') &&
    !path.includes('//') &&
    (path.length === 1 || path.charCodeAt(path.length - 1) !== 0x2f)
  );
}

interface Ctx {
  readonly sink: LayerSink;
  readonly layer: number;
  readonly rows: EntryTable;
  readonly touched: number[];
  /** Ids whose version in this layer is a hardlink entry. */
  readonly links: number[];
}

function applyMarker(ctx: Ctx, path: string): void {
  const name = baseName(path);
  if (!name.startsWith(WHITEOUT)) return;
  const dir = parentPath(path);
  const { table } = ctx.sink;
  if (name === OPAQUE) {
    const dirId = table.idOf(dir);
    if (dirId !== undefined && isDirVersion(table.current(dirId))) {
      for (const child of table.children[dirId] ?? []) removeTree(ctx, child);
    }
    return;
  }
  // AUFS hardlink bookkeeping (.wh..wh.plnk) and friends: internal, hidden (moby pkg/archive/whiteouts.go).
  if (name.startsWith(META_WHITEOUT)) return;
  if (name === WHITEOUT) {
    warn(ctx, path, layerSaid('whiteout-no-name'));
    return;
  }
  const target = table.idOf(joinPath(dir, name.slice(WHITEOUT.length)));
  if (target !== undefined) removeTree(ctx, target);
}

function warn(ctx: Ctx, path: string, said: Said): void {
  ctx.sink.warnings.push({ layer: ctx.layer, path, message: renderLayerSaid(said), said });
}

/** `row` is the entry's row in this layer's table; -1 for an implicit directory or a removal. */
function setVersion(ctx: Ctx, id: number, present: boolean, row: number): void {
  const top = ctx.sink.table.current(id);
  const version = new Version(ctx.layer, present, row < 0 ? undefined : ctx.rows, row);
  if (top !== undefined && top.layer === ctx.layer) {
    const lost = top.fileBytes;
    if (top.present && lost > 0) {
      ctx.sink.selfOverwrites.push({ layer: ctx.layer, path: ctx.sink.table.paths[id]!, size: lost });
    }
    ctx.sink.table.replaceTop(id, version);
  } else {
    ctx.sink.table.pushVersion(id, version);
    ctx.touched.push(id);
  }
}

/** Marks a path and everything present below it as absent from this layer on. */
function removeTree(ctx: Ctx, id: number): void {
  const { table } = ctx.sink;
  const pending = [id];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (table.current(next)?.present !== true) continue;
    setVersion(ctx, next, false, -1);
    const kids = table.children[next];
    if (kids !== undefined) pending.push(...kids);
  }
}

/** Makes sure every ancestor is a directory, creating implicit ones where nothing (or a non-directory) is. */
function ensureParents(ctx: Ctx, id: number): void {
  const { table } = ctx.sink;
  const missing: number[] = [];
  for (let p = table.parents[id]!; p !== ROOT && p >= 0; p = table.parents[p]!) {
    if (isDirVersion(table.current(p))) break;
    missing.push(p);
  }
  for (let i = missing.length - 1; i >= 0; i--) setVersion(ctx, missing[i]!, true, -1);
}

/** Returns the path's id. */
function placeEntry(ctx: Ctx, row: number, path: string): number {
  const { table } = ctx.sink;
  const id = table.intern(path);
  const kind = ctx.rows.kind(row);
  if (id === ROOT && kind !== 'dir') {
    warn(ctx, path, layerSaid('root-not-dir'));
    return id;
  }
  ensureParents(ctx, id);
  const current = table.current(id);
  // Dir over dir replaces the attributes only; anything else replaces the whole subtree
  // (docs/archive-formats.md#added-and-modified).
  if (kind !== 'dir' && isDirVersion(current)) {
    for (const child of table.children[id] ?? []) removeTree(ctx, child);
  }
  setVersion(ctx, id, true, row);
  if (kind === 'hardlink') ctx.links.push(id);
  return id;
}

function resolveHardlink(ctx: Ctx, id: number, depth: number): Version | undefined {
  const { table } = ctx.sink;
  const version = table.current(id)!;
  // A later duplicate (or a removal) in this layer may have replaced the link: nothing to resolve.
  if (version.implicit || version.kind !== 'hardlink') return undefined;
  if (version.hardlink !== undefined) return version.linkedVersion;
  const entry = version.entryAt(table.paths[id])!;
  const targetId = table.idOf(entry.linkTarget);
  let target = targetId === undefined ? undefined : table.current(targetId);
  if (target !== undefined && !target.implicit && target.kind === 'hardlink' && depth < 64) {
    target = target.layer === ctx.layer ? resolveHardlink(ctx, targetId!, depth + 1) : target.linkedVersion;
  }
  const kind = target?.present === true && !target.implicit ? target.kind : undefined;
  // Links to directories are invalid; a link still pointing at a link here is a cycle.
  if (target === undefined || kind === undefined || kind === 'dir' || kind === 'hardlink') {
    version.hardlink = { state: 'broken', path: entry.linkTarget };
    warn(ctx, entry.path, layerSaid('hardlink-broken', { target: entry.linkTarget }));
    return undefined;
  }
  const targetEntry = target.entry!;
  version.hardlink = { state: 'resolved', path: targetEntry.path, layer: target.layer, entry: targetEntry };
  version.linkedVersion = target;
  return target;
}
