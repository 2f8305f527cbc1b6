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
   * 'largest-first' (default): both archives' layers in one queue, the largest blob first, on the lanes of
   * both sessions together, so that no large layer starts last and leaves one core idle at the end (a
   * layer is decoded by one thread); each side's link graph, packages and waste figures follow as soon as its
   * own layers are indexed. 'together': each archive's own indexImage, both at once, each bottom
   * layer first (two images of one archive: one image after the other).
   */
  readonly order?: 'largest-first' | 'together';
}

/** For each layer of `next`, the position of the first layer of `old` with the same key (null: none). */
function positionsByKey(
  old: ImageRecord,
  next: ImageRecord,
  key: (layer: LayerRef) => string | null,
): Map<number, number> {
  const byKey = new Map<string, number>();
  old.layers.forEach((layer, position) => {
    const k = key(layer);
    if (k !== null && !byKey.has(k)) byKey.set(k, position);
  });
  const shared = new Map<number, number>();
  next.layers.forEach((layer, position) => {
    const k = key(layer);
    const at = k === null ? undefined : byKey.get(k);
    if (at !== undefined) shared.set(position, at);
  });
  return shared;
}

/** For each layer of `next`, the position of a layer of `old` with the same diff_id, both blobs present. */
export function sharedLayerPositions(old: ImageRecord, next: ImageRecord): Map<number, number> {
  return positionsByKey(old, next, (layer) => (layer.blobPath === null ? null : layer.diffId));
}

/** For each layer of `next` (in the same archive as `old`), the position of a layer of `old` with the same blob. */
function sharedBlobPositions(old: ImageRecord, next: ImageRecord): Map<number, number> {
  return positionsByKey(old, next, (layer) => layer.blobPath);
}

const indexLayers = (input: CompareInput, layers: readonly LayerRef[]): Promise<void> =>
  // indexImage reads only `layers` of the record it is given.
  input.session.indexImage(
    { ...input.image, layers: [...layers] },
    { keepContents: true, ...(input.options.signal && { signal: input.options.signal }) },
  );

/**
 * Index each side's `layers` from one queue, the largest blob of either side first (the old side's a little
 * ahead), as many at once as the sessions' lanes together (one archive's own, for two images of it): a large
 * layer never starts last to leave the other cores idle while one thread decodes it. Resolves per side once all of that side's layers are indexed (a failed
 * layer is marked failed, as indexImage does); rejects a side when it was cancelled.
 */
function indexLargestFirst(
  sides: readonly { readonly input: CompareInput; readonly layers: readonly LayerRef[] }[],
): Promise<void>[] {
  const jobs = sides.flatMap(({ input, layers }, side) =>
    layers.map((layer) => ({ input, layer, side, size: input.session.blobSize(layer) })),
  );
  // The old side's layers weigh half again their size: it finishes a little ahead, and its link graph, packages and
  // waste figures are worked out while the new side's last layers still decode (bench/compare/README.md).
  const weight = (job: { side: number; size: number }) => (job.side === 0 ? job.size * 1.5 : job.size);
  jobs.sort((a, b) => weight(b) - weight(a));
  const settled = jobs.map(() => {
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  });
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let at = next++; at < jobs.length; at = next++) {
      const job = jobs[at]!;
      await indexLayers(job.input, [job.layer]).then(settled[at]!.resolve, settled[at]!.reject);
    }
  };
  const sessions = new Set(sides.map(({ input }) => input.session));
  const lanes = [...sessions].reduce((sum, session) => sum + session.concurrency, 0);
  for (let i = 0; i < Math.min(lanes, jobs.length); i++) void lane();
  return sides.map((_, side) =>
    Promise.all(settled.filter((_, at) => jobs[at]!.side === side).map((s) => s.promise)).then(() => {}),
  );
}

export async function readCompareSides(
  old: CompareInput,
  next: CompareInput,
  options: ReadCompareSidesOptions = {},
): Promise<[CompareSide, CompareSide]> {
  const oneArchive = old.session === next.session;
  // One archive, 'together': one image after the other (its session indexes a blob both name once).
  if (oneArchive && options.order === 'together') {
    const oldSide = await readCompareSide(old.session, old.image, old.options);
    return [oldSide, await readCompareSide(next.session, next.image, next.options)];
  }
  // A layer both hold: in one archive the same blob, one layer of the session; across two, the same diff_id.
  const shared = oneArchive
    ? sharedBlobPositions(old.image, next.image)
    : options.shareLayers === false
      ? new Map<number, number>()
      : sharedLayerPositions(old.image, next.image);
  const ownNew = next.image.layers.filter((_, p) => !shared.has(p));
  const [oldIndexed, newIndexed] =
    options.order === 'together'
      ? [indexLayers(old, old.image.layers), indexLayers(next, ownNew)]
      : indexLargestFirst([
          { input: old, layers: old.image.layers },
          { input: next, layers: ownNew },
        ]);
  const oldSide = oldIndexed!.then(() =>
    readIndexedSide(old.image, ownHomes(old.session, old.image), old.options),
  );
  const newSide = (async () => {
    await (shared.size > 0 ? Promise.all([newIndexed, oldIndexed]) : newIndexed);
    const homes: LayerHome[] = ownHomes(next.session, next.image);
    const fallback: LayerRef[] = [];
    // In one archive a shared blob is already the new image's own layer: nothing to redirect.
    for (const [position, at] of oneArchive ? [] : shared) {
      const status = old.session.status(old.image.layers[at]!);
      if (status.state === 'done' && status.verified === true)
        homes[position] = { session: old.session, image: old.image, position: at };
      else fallback.push(next.image.layers[position]!);
    }
    if (fallback.length > 0) await indexLayers(next, fallback);
    return readIndexedSide(next.image, homes, next.options);
  })();
  return Promise.all([oldSide, newSide]);
}
