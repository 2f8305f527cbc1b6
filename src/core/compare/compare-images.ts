/** Two images, old against new, as the versioned JSON of `strata compare` (see compare-types.ts). */
import { compareConfig } from './compare-config';
import { listFileChanges, type FilesListing } from './compare-files';
import { compareLayers } from './compare-layers';
import { compareLinkage } from './compare-linkage';
import { comparePackages } from './compare-packages';
import type { CompareSide } from './compare-side';
import { COMPARE_JSON_VERSION, type CompareJson, type WasteFigures } from './compare-types';

function waste(side: CompareSide): WasteFigures {
  if (side.waste) return side.waste;
  const figures = side.stack.diveFigures();
  return { efficiency: figures.efficiency, wastedBytes: figures.wastedBytes };
}

/** `files` lets a caller that also wants the per-directory listing compare the trees once. */
export function compareImages(
  oldSide: CompareSide,
  newSide: CompareSide,
  files: FilesListing = listFileChanges(oldSide.stack, newSide.stack),
): CompareJson {
  return {
    version: COMPARE_JSON_VERSION,
    old: { name: oldSide.name, id: oldSide.image.id },
    new: { name: newSide.name, id: newSide.image.id },
    config: { changed: compareConfig(oldSide.image.config, newSide.image.config) },
    layers: compareLayers(oldSide.image, newSide.image),
    size: { old: oldSide.size, new: newSide.size, delta: newSide.size - oldSide.size },
    files: files.files,
    packages: comparePackages(oldSide.packageDbs, newSide.packageDbs),
    linkage: compareLinkage(oldSide.linkGraph, newSide.linkGraph),
    waste: { old: waste(oldSide), new: waste(newSide) },
  };
}
