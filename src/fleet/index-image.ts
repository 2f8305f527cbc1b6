/**
 * Indexing one image of an opened archive: each of its layers is read only when no one has stored it
 * (and no one else is reading it right now), then the image is worked out from the stored layers.
 */
import { type ArchiveSession, type ImageRecord, type LayerRef } from '../core';
import { keptWhole, type SparseFile } from '../core/session/elf-prefetch';
import { PACKAGE_DB_DIRS } from '../core/packages/layer-packages';
import { analyseImage } from './image-analysis';
import { imageIndexed, storeImage, type IndexedImage } from './image-store';
import {
  claimLayer,
  loadLayer,
  releaseLayer,
  renewWhileWorking,
  storeLayer,
  type StoredLayer,
} from './layer-store';
import type { Sql } from './sql';

export interface IndexContext {
  readonly sql: Sql;
  /** Names this process in layer claims: host, pid and a random part. */
  readonly worker: string;
  /** Layers loaded in this process, by diff_id: a shared base layer is loaded from the index once. */
  readonly layers: Map<string, Promise<StoredLayer | undefined>>;
  /** Unique layers read by this process, and those it found already stored. */
  readonly indexed: Set<string>;
  readonly reused: Set<string>;
  /** Called as each layer of the image is settled (read, or found in the index). */
  readonly onLayer?: (diffId: string, how: 'indexed' | 'reused') => void;
}

/** How long to wait before asking again about a layer another indexer is reading. */
const BUSY_WAIT_MS = 250;

function isElfHead(bytes: Uint8Array | undefined): boolean {
  return (
    bytes !== undefined && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46
  );
}

function diffIdsOf(image: ImageRecord): string[] {
  return image.layers.map((layer) => {
    if (layer.blobPath === null)
      throw new Error(
        `Layer ${layer.index} is not in the archive (${layer.absentReason ?? 'not included'}), so the image cannot be indexed.`,
      );
    if (layer.diffId === null)
      throw new Error(
        `The image config lists no diff_id for layer ${layer.index}; the index keys layers by diff_id.`,
      );
    return layer.diffId;
  });
}

/**
 * What the index keeps of a freshly read layer: the bytes of its ELF files, loader caches and package
 * databases (whole), nothing of other files. The databases apk keeps under /usr/lib are read whole here.
 */
async function keptOf(session: ArchiveSession, image: ImageRecord, layer: LayerRef): Promise<StoredLayer> {
  const index = session.status(layer).index!;
  const warm = session.keptContents(layer) ?? new Map<number, SparseFile>();
  const kept = new Map<number, SparseFile>();
  for (const entry of index.entries) {
    if (entry.kind !== 'file' || entry.size === 0) continue;
    const file = warm.get(entry.dataOffset);
    const isDb = PACKAGE_DB_DIRS.some((dir) => entry.path.startsWith(`${dir}/`));
    if (file && (keptWhole(entry.path) || isElfHead(file.ranges[0]?.bytes))) kept.set(entry.dataOffset, file);
    else if (isDb) {
      const bytes = await session.readEntry(image, layer.index, entry, 0, entry.size);
      kept.set(entry.dataOffset, { size: entry.size, ranges: [{ offset: 0, bytes }] });
    }
  }
  return { diffId: layer.diffId!, entries: index.entries.toArray(), kept };
}

/** Reads and stores the layers this process claimed; claims of layers that fail are given back. */
async function readClaimed(
  ctx: IndexContext,
  session: ArchiveSession,
  image: ImageRecord,
  claimed: readonly LayerRef[],
): Promise<void> {
  const stop = renewWhileWorking(
    ctx.sql,
    claimed.map((l) => l.diffId!),
    ctx.worker,
  );
  try {
    const part = { ...image, layers: claimed };
    await session.indexImage(part);
    for (const layer of claimed) {
      const status = session.status(layer);
      if (status.state !== 'done')
        throw new Error(`Layer ${layer.index} cannot be read: ${status.error ?? status.state}.`);
    }
    await session.warmContents(part);
    for (const layer of claimed) {
      const stored = await keptOf(session, image, layer);
      const index = session.status(layer).index!;
      const size = stored.entries.reduce((n, e) => n + e.size, 0);
      if (await storeLayer(ctx.sql, { ...stored, compression: index.compression, size }, ctx.worker)) {
        ctx.layers.set(stored.diffId, Promise.resolve(stored));
        ctx.indexed.add(stored.diffId);
        ctx.onLayer?.(stored.diffId, 'indexed');
      }
    }
  } catch (error) {
    for (const layer of claimed) await releaseLayer(ctx.sql, layer.diffId!, ctx.worker);
    throw error;
  } finally {
    stop();
  }
}

/** Claims, reads or waits for every layer of the image until each is stored by someone. */
async function settleLayers(ctx: IndexContext, session: ArchiveSession, image: ImageRecord): Promise<void> {
  const diffIds = diffIdsOf(image);
  const pending = new Set(diffIds);
  for (const d of diffIds) {
    if (ctx.indexed.has(d) || ctx.reused.has(d)) pending.delete(d);
  }
  while (pending.size > 0) {
    const mine: LayerRef[] = [];
    for (const diffId of [...pending]) {
      const claim = await claimLayer(ctx.sql, diffId, ctx.worker);
      if (claim === 'busy') continue;
      pending.delete(diffId);
      if (claim === 'mine') mine.push(image.layers.find((l) => l.diffId === diffId)!);
      else {
        ctx.reused.add(diffId);
        ctx.onLayer?.(diffId, 'reused');
      }
    }
    if (mine.length > 0) await readClaimed(ctx, session, image, mine);
    else if (pending.size > 0) await new Promise((r) => setTimeout(r, BUSY_WAIT_MS));
  }
}

/** Layers kept loaded per process: base layers shared by many images stay, the rest make room. */
const LOADED_LAYERS = 128;

function storedLayer(ctx: IndexContext, diffId: string): Promise<StoredLayer | undefined> {
  let loading = ctx.layers.get(diffId);
  if (loading !== undefined) {
    // Most recently used last: Map keeps insertion order, so the first key is the least recent.
    ctx.layers.delete(diffId);
  } else loading = loadLayer(ctx.sql, diffId);
  ctx.layers.set(diffId, loading);
  for (const key of ctx.layers.keys()) {
    if (ctx.layers.size <= LOADED_LAYERS) break;
    ctx.layers.delete(key);
  }
  return loading;
}

/** Indexes one image of an archive; an image already indexed from the same source is not redone. */
export async function indexImage(
  ctx: IndexContext,
  session: ArchiveSession,
  image: ImageRecord,
  source: string,
  position: number,
): Promise<IndexedImage> {
  const diffIds = diffIdsOf(image);
  if (await imageIndexed(ctx.sql, source, image)) {
    for (const d of new Set(diffIds)) {
      if (ctx.indexed.has(d) || ctx.reused.has(d)) continue;
      ctx.reused.add(d);
      ctx.onLayer?.(d, 'reused');
    }
    const [row] = await ctx.sql.query<{ names: string[] }>(
      'SELECT names FROM images WHERE source = $1 AND image_key = $2',
      [source, image.key],
    );
    return { id: image.id, names: row?.names ?? [], source };
  }
  await settleLayers(ctx, session, image);
  const layers: StoredLayer[] = [];
  for (const d of diffIds) {
    const layer = await storedLayer(ctx, d);
    if (layer === undefined)
      throw new Error(`Layer ${d} vanished from the index while the image was indexed.`);
    layers.push(layer);
  }
  const analysis = await analyseImage(image, layers);
  return storeImage(ctx.sql, source, position, image, diffIds, analysis);
}
