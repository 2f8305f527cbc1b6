/**
 * What ldd, graph and blast-radius share: an indexed image whose layer contents are warmed for ELF reads
 * (one decoding pass per compressed layer instead of one per read), the merged tree at a layer as an
 * ImageFs, and, when the image has a package database, the owner index.
 */
import { buildOwnerIndex, readPackageDbs, type ImageFs, type LayerStack, type OwnerIndex } from '../../core';
import type { CliIo } from '../cli-io';
import { nodeSqliteOptions } from '../sqlite-node';
import type { OpenedStack } from './diff-stack';
import { warnDbProblems } from './packages-dbs';
import { packageDbReader } from './packages-reader';

/** The merged tree at `layer`, read through the session after warmContents has kept what ELF reads need. */
export async function linkageFs(opened: OpenedStack, layer: number): Promise<ImageFs> {
  const { session, image, stack } = opened;
  await session.warmContents(image);
  return stack.imageFs(layer, session.contentReader(image));
}

/**
 * The owner index at `layer`, or null when the image has no package database (a scratch or
 * distroless-static image): ownership is extra information for these commands, never a reason to fail.
 */
export async function readOwners(opened: OpenedStack, layer: number, io: CliIo): Promise<OwnerIndex | null> {
  const fs = opened.stack.imageFs(layer, packageDbReader(opened));
  const { dbs, errors } = await readPackageDbs(fs, { sqlite: await nodeSqliteOptions() });
  warnDbProblems(io, dbs, errors);
  return dbs.length === 0 ? null : buildOwnerIndex(fs, dbs);
}

export interface FileOrigin {
  /** The layer whose change put the file seen at the chosen layer there; null when no layer did. */
  readonly layer: number | null;
  /** A layer above that one modified or removed the path. */
  readonly replacedLater: boolean;
}

/** Where the file at `path` (as seen at `layer`) came from, from the stack's history of the path. */
export function fileOrigin(stack: LayerStack, path: string, layer: number): FileOrigin {
  const events = stack.history(path);
  let put: number | null = null;
  for (const e of events) if (e.layer <= layer && e.change !== 'removed') put = e.layer;
  if (put === null) return { layer: null, replacedLater: false };
  return { layer: put, replacedLater: events.some((e) => e.layer > put) };
}

/** The package owning a path (a realpath, as graph nodes are), by name; null when none does. */
export function ownerName(owners: OwnerIndex | null, path: string): string | null {
  return owners?.ownersAt(path)[0]?.name ?? null;
}
