/** Which layers two images share: the common base is the run of equal diff_ids from the bottom. */
import type { ImageRecord } from '../image/model';
import type { LayersCompare } from './compare-types';

/**
 * A layer only counts as shared while every layer below it is shared too: the same diff_id on top of a
 * different base is a different filesystem (the chain id differs), so it is listed as removed and added.
 * A layer without a diff_id in its config never matches.
 */
export function compareLayers(oldImage: ImageRecord, newImage: ImageRecord): LayersCompare {
  const ids = (image: ImageRecord) => image.layers.map((l) => l.diffId ?? `(layer ${l.index}: no diff_id)`);
  const before = ids(oldImage);
  const after = ids(newImage);
  let common = 0;
  while (
    common < before.length &&
    common < after.length &&
    before[common] === after[common] &&
    oldImage.layers[common]!.diffId !== null
  )
    common++;
  return { shared: before.slice(0, common), removed: before.slice(common), added: after.slice(common) };
}
