/**
 * Both sides of a comparison, read together. A layer both images hold by diff_id in two different archives
 * (a base bump keeps most of its base) is indexed once, from the old archive's bytes, and that index and what
 * its pass kept serve the new side too: the same diff_id is the same uncompressed tar, so its entries lie at
 * the same offsets whichever archive's blob (gzip or plain) it was decoded from. The diff_id is checked on the
 * bytes that were read; where they do not match it, or the old archive cannot read the layer, the new archive's
 * own blob is indexed instead (README.md, `compare`).
 */
import type { ImageRecord, LayerRef } from '../image/model';
import type { ArchiveSession } from '../session/archive-session';
import {
  ownHomes,
  readCompareSide,
  readIndexedSide,
  type CompareSide,
  type LayerHome,
  type ReadCompareSideOptions,
} from './compare-side';

export interface CompareInput {
  readonly session: ArchiveSession;
  readonly image: ImageRecord;
  readonly options: ReadCompareSideOptions;
}

export interface ReadCompareSidesOptions {
  /** Index a layer both images hold once (default); false indexes each archive's own copy. */
  readonly shareLayers?: boolean;
  /**
   * 'old-first' (default): the new archive's layers start once every layer of the old one has started, so the
   * old side's link graph, package databases and waste figures are worked out while the new side is still
   * being indexed and only the new side's are left at the end. 'together': both archives from the start.
   */
  readonly order?: 'old-first' | 'together';
}

/** For each layer of `next`, the position of a layer of `old` with the same diff_id, both blobs present. */
export function sharedLayerPositions(old: ImageRecord, next: ImageRecord): Map<number, number> {
  const byDiffId = new Map<string, number>();
  old.layers.forEach((layer, position) => {
    if (layer.diffId !== null && layer.blobPath !== null && !byDiffId.has(layer.diffId))
      byDiffId.set(layer.diffId, position);
  });
  const shared = new Map<number, number>();
  next.layers.forEach((layer, position) => {
    const at = layer.diffId === null || layer.blobPath === null ? undefined : byDiffId.get(layer.diffId);
    if (at !== undefined) shared.set(position, at);
  });
  return shared;
}

/** `onStarted`: called once every one of `layers` has started (or was indexed before). */
const index = (input: CompareInput, layers: readonly LayerRef[], onStarted?: () => void): Promise<void> => {
  const signal = input.options.signal;
  const started = new Set<LayerRef>();
  // indexImage reads only `layers` of the record it is given: the new side's layers that are its own.
  const indexed = input.session.indexImage(
    { ...input.image, layers: [...layers] },
    {
      keepContents: true,
      ...(signal && { signal }),
      ...(onStarted && {
        onLayer: (layer: LayerRef) => {
          started.add(layer);
          if (started.size === layers.length) onStarted();
        },
      }),
    },
  );
  if (onStarted) void indexed.then(onStarted, onStarted);
  return indexed;
};

export async function readCompareSides(
  old: CompareInput,
  next: CompareInput,
  options: ReadCompareSidesOptions = {},
): Promise<[CompareSide, CompareSide]> {
  // One archive: its session already indexes a blob both images name once. Image after image, so that
  // the second waits for nothing the first is still reading.
  if (old.session === next.session) {
    const oldSide = await readCompareSide(old.session, old.image, old.options);
    return [oldSide, await readCompareSide(next.session, next.image, next.options)];
  }
  const shared =
    options.shareLayers === false ? new Map<number, number>() : sharedLayerPositions(old.image, next.image);
  let startNew = (): void => {};
  const oldStarted = new Promise<void>((resolve) => (startNew = resolve));
  const together = options.order === 'together';
  const oldIndexed = index(old, old.image.layers, together ? undefined : () => startNew());
  const oldSide = oldIndexed.then(() =>
    readIndexedSide(old.image, ownHomes(old.session, old.image), old.options),
  );
  const newSide = (async () => {
    if (!together) await oldStarted;
    const own = index(
      next,
      next.image.layers.filter((_, p) => !shared.has(p)),
    );
    await (shared.size > 0 ? Promise.all([own, oldIndexed]) : own);
    const homes: LayerHome[] = ownHomes(next.session, next.image);
    const fallback: LayerRef[] = [];
    for (const [position, at] of shared) {
      const status = old.session.status(old.image.layers[at]!);
      if (status.state === 'done' && status.verified === true)
        homes[position] = { session: old.session, image: old.image, position: at };
      else fallback.push(next.image.layers[position]!);
    }
    if (fallback.length > 0) await index(next, fallback);
    return readIndexedSide(next.image, homes, next.options);
  })();
  return Promise.all([oldSide, newSide]);
}
