/**
 * What an image is, worked out from its stored layers alone (no archive, no registry): the merged tree
 * over every layer's entries, the image's own loader emulated over the bytes the index kept, the
 * package databases, and the owner of every file in the link graph. The same core code the CLI runs
 * over an archive, so an answer from the index is the answer from the archive.
 */
import {
  buildLayerStack,
  buildOwnerIndex,
  fullVersion,
  loaderSettings,
  readPackageDbs,
  resolveLinkGraph,
  type ContentReader,
  type ImageRecord,
  type LinkGraph,
  type PackageDb,
} from '../core';
import { readSparse } from '../core/session/elf-prefetch';
import { nodeSqliteOptions } from '../cli/sqlite-node';
import type { StoredLayer } from './layer-store';

export interface NodeOwner {
  readonly name: string;
  readonly arch: string;
}

export interface StoredPackage {
  readonly name: string;
  readonly version: string;
  readonly arch: string;
  readonly manager: string;
}

export interface ImageAnalysis {
  readonly graph: Pick<LinkGraph, 'nodes' | 'edges'>;
  /** Owners of every graph node, in the owner index's order; empty for files no package owns. */
  readonly owners: ReadonlyMap<string, readonly NodeOwner[]>;
  /** Whether the image has a package database at all (rdeps tells "no owner index" from "no owner"). */
  readonly hasPackages: boolean;
  readonly packages: readonly StoredPackage[];
  /** Package database problems, as sentences. */
  readonly warnings: readonly string[];
}

const NOTHING = new Uint8Array(0);

/**
 * Reads served from what the index kept of each file. A file it kept nothing of is not an ELF file,
 * a package database or a loader cache, so nothing that reads it here needs more than "not ELF".
 */
function keptReader(layers: readonly StoredLayer[]): ContentReader {
  return (layer, entry, offset, length) => {
    const file = layers[layer]?.kept.get(entry.dataOffset);
    return Promise.resolve((file && readSparse(file, Math.max(0, offset), length)) ?? NOTHING);
  };
}

export async function analyseImage(
  image: ImageRecord,
  layers: readonly StoredLayer[],
): Promise<ImageAnalysis> {
  const stack = buildLayerStack(layers.map((l) => l.entries));
  const fs = stack.imageFs(stack.topLayer, keptReader(layers));
  const graph = await resolveLinkGraph(fs, loaderSettings(image));
  const { dbs, errors } = await readPackageDbs(fs, { sqlite: await nodeSqliteOptions() });
  const index = dbs.length === 0 ? null : await buildOwnerIndex(fs, dbs);
  const owners = new Map<string, NodeOwner[]>();
  for (const node of graph.nodes) {
    owners.set(
      node.path,
      (index?.ownersAt(node.path) ?? []).map((p) => ({ name: p.name, arch: p.arch })),
    );
  }
  return {
    graph: { nodes: graph.nodes, edges: graph.edges },
    owners,
    hasPackages: index !== null,
    packages: packageRows(dbs),
    warnings: [
      ...dbs.flatMap((db) => db.warnings.map((w) => `${db.location}: ${w}`)),
      ...errors.map((e) => e.message),
    ],
  };
}

function packageRows(dbs: readonly PackageDb[]): StoredPackage[] {
  return dbs.flatMap((db) =>
    db.packages.map((p) => ({ name: p.name, version: fullVersion(p), arch: p.arch, manager: p.manager })),
  );
}
