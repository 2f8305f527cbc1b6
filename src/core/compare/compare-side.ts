/**
 * One side of a comparison: what compareImages needs of one image, read through its archive session. The
 * same steps as the linkage and package views (index, warm the contents once, then read the merged tree at
 * the top layer), so the CLI and the worker compare from the same reads.
 */
import type { ImageRecord, LayerRef } from '../image/model';
import { imageDisplayNames } from '../image/display-names';
import { buildLayerStack, type LayerStack } from '../layers';
import type { TarEntry } from '../model/tar-entry';
import { resolveLinkGraph, type LinkGraph } from '../linkage/link-graph';
import type { LoaderSettings } from '../linkage/link-types';
import { EntryTable } from '../model/entry-table';
import { readPackageDbs, type ReadPackageDbsOptions } from '../packages/package-dbs';
import type { PackageDb } from '../packages/package-types';
import type { ArchiveSession, LayerStatus } from '../session/archive-session';
import type { WasteFigures } from './compare-types';
import type { Said, SaidValue } from '../model/said';
import { packageProblem } from '../packages/package-sentences';
import { compareSaid, errorSaid } from './compare-sentences';

export interface CompareSide {
  readonly image: ImageRecord;
  /** The first full name, or the first bare tag, or the id. */
  readonly name: string;
  /** Uncompressed bytes of the layers that could be read. */
  readonly size: number;
  readonly stack: LayerStack;
  /** Empty when the image has no package database. */
  readonly packageDbs: readonly PackageDb[];
  readonly linkGraph: LinkGraph;
  /**
   * dive's waste figures of the stack, when read with the side (the CLI works them out while the other image
   * is still being indexed); compareImages works them out when absent.
   */
  readonly waste?: WasteFigures;
  /** Sentences about what could not be read (a failed layer, an unreadable package database). */
  readonly warnings: readonly string[];
  /** The same sentences by name, for the page to say in its language (absent: English only). */
  readonly warningSentences?: readonly Said[];
}

export interface ReadCompareSideOptions extends ReadPackageDbsOptions {
  /** The image config's Env and WorkingDir, as the loader sees them. */
  readonly settings: LoaderSettings;
  readonly signal?: AbortSignal;
}

/**
 * Where one layer of a side was indexed and is read: its own archive, or (a layer both images hold) the other
 * side's, at the layer's position in that side's image.
 */
export interface LayerHome {
  readonly session: ArchiveSession;
  readonly image: ImageRecord;
  readonly position: number;
}

export function displayName(image: ImageRecord): string {
  const names = imageDisplayNames(image.rawNames);
  return names.full[0] ?? names.bareTags[0] ?? image.id;
}

/** The image's uncompressed size over the layers that could be read, and a sentence per layer that could not. */
export function layersRead(
  session: ArchiveSession,
  image: ImageRecord,
): { size: number; warnings: string[]; warningSentences: Said[] } {
  return layerFigures(image.layers, (layer) => session.status(layer));
}

function layerFigures(
  layers: readonly LayerRef[],
  statusOf: (layer: LayerRef, position: number) => LayerStatus,
): { size: number; warnings: string[]; warningSentences: Said[] } {
  const warnings: string[] = [];
  const warningSentences: Said[] = [];
  let size = 0;
  layers.forEach((layer, position) => {
    const status = statusOf(layer, position);
    size += status.index?.size ?? 0;
    if (status.state === 'failed' || status.state === 'absent') {
      warnings.push(`Layer ${layer.index} is compared as empty: ${status.error ?? status.state}.`);
      warningSentences.push(compareSaid('layer-empty', { n: layer.index, why: whyEmpty(status) }));
    }
  });
  return { size, warnings, warningSentences };
}

/** Why a layer compares as empty: its error's sentence, its error as written, or its state. */
function whyEmpty(status: LayerStatus): SaidValue {
  if (status.errorSentence) return errorSaid(status.errorSentence);
  if (status.error !== undefined) return status.error;
  return compareSaid(status.state === 'absent' ? 'layer-absent' : 'layer-failed');
}

/** Each layer of an image at home in its own archive. */
export function ownHomes(session: ArchiveSession, image: ImageRecord): LayerHome[] {
  return image.layers.map((_, position) => ({ session, image, position }));
}

const statusAt = (home: LayerHome): LayerStatus => home.session.status(home.image.layers[home.position]!);

/**
 * One side from layers already indexed where `homes` says (index pass done, contents kept): the merged tree
 * over those indexes, the package databases and the link graph read through each layer's home.
 */
export async function readIndexedSide(
  image: ImageRecord,
  homes: readonly LayerHome[],
  options: ReadCompareSideOptions,
): Promise<CompareSide> {
  const signal = options.signal;
  const own = homes.every((h) => h.image === image);
  // An image without layers (a config-only artifact) compares as one empty layer.
  const stack =
    image.layers.length === 0
      ? buildLayerStack([[]])
      : own
        ? homes[0]!.session.layerStack(image)
        : buildLayerStack(homes.map((h) => statusAt(h).index?.entries ?? EntryTable.empty));
  const { size, warnings, warningSentences } = layerFigures(image.layers, (_, position) =>
    statusAt(homes[position]!),
  );
  for (const home of new Set(homes.map((h) => h.image)))
    await homes.find((h) => h.image === home)!.session.warmContents(home, signal);
  const read = (l: number, entry: TarEntry, offset: number, length: number) => {
    const home = homes[l]!;
    return home.session.readEntry(home.image, home.position, entry, offset, length, signal);
  };
  const peek = (l: number, entry: TarEntry, offset: number, length: number) => {
    const home = homes[l]!;
    return home.session.peekEntry(home.image, home.position, entry, offset, length);
  };
  const fs = stack.imageFs(stack.topLayer, Object.assign(read, { peek }));
  const { dbs, errors } = await readPackageDbs(fs, options.sqlite ? { sqlite: options.sqlite } : {});
  for (const error of errors) {
    warnings.push(`A package database cannot be read: ${error.message}`);
    warningSentences.push(compareSaid('package-db-unreadable', { error: packageProblem(error) }));
  }
  const linkGraph = await resolveLinkGraph(fs, options.settings);
  const { efficiency, wastedBytes } = stack.diveFigures();
  const waste = { efficiency, wastedBytes };
  return {
    image,
    name: displayName(image),
    size,
    stack,
    packageDbs: dbs,
    linkGraph,
    waste,
    warnings,
    warningSentences,
  };
}

export async function readCompareSide(
  session: ArchiveSession,
  image: ImageRecord,
  options: ReadCompareSideOptions,
): Promise<CompareSide> {
  const signal = options.signal;
  // Keep what the package and ELF reads need during the index pass: warmContents then decodes nothing again.
  await session.indexImage(image, { keepContents: true, ...(signal && { signal }) });
  return readIndexedSide(image, ownHomes(session, image), options);
}
