/**
 * The blast radius of a package or library across every indexed image, from the index alone. The
 * images that can match at all are found by SQL (an owner, a file name, a SONAME or a DT_NEEDED name
 * equal to the query); only their stored link graphs are loaded, and the core's blastRadius runs on
 * each, so the answer is the one `strata rdeps NAME ARCHIVE…` gives over the same images.
 */
import type { LinkEdge, LinkGraph, LinkNode } from '../core';
import { blastRadius, type BlastDependent, type BlastRadius } from '../core/session/blast-radius';
import type { NodeOwner } from './image-analysis';
import type { Sql } from './sql';
import { satisfies, type VersionConstraint } from './version-filter';

/** One image of the answer: `strata rdeps --json`'s row with the source in place of the archive. */
export interface IndexRadiusImage {
  readonly source: string;
  readonly id: string;
  readonly names: readonly string[];
  readonly affected: boolean;
  readonly match: BlastRadius['match'];
  readonly libraries: readonly string[];
  readonly dependents: readonly BlastDependent[];
}

interface ImageRow {
  id: number;
  source: string;
  image_id: string;
  names: string[];
  has_packages: boolean;
}

interface NodeRow {
  image: number;
  path: string;
  kind: LinkNode['kind'];
  soname: string | null;
  interpreter: string | null;
  needed: string[];
  owners: NodeOwner[];
}

interface EdgeRow {
  image: number;
  from_path: string;
  to_path: string;
  name: string;
  found_via: LinkEdge['foundVia'];
}

interface PackageRow {
  image: number;
  name: string;
  arch: string;
  version: string;
  manager: string;
}

async function candidates(sql: Sql, query: string): Promise<number[]> {
  const rows = await sql.query<{ image: number }>(
    `SELECT image FROM image_node_owners WHERE name = $1 OR name || ':' || arch = $1
     UNION SELECT image FROM image_nodes WHERE basename = $1 OR soname = $1 OR path = $1
     UNION SELECT image FROM image_edges WHERE name = $1`,
    [query],
  );
  return rows.map((r) => r.image);
}

function group<T extends { image: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    let list = out.get(r.image);
    if (list === undefined) out.set(r.image, (list = []));
    list.push(r);
  }
  return out;
}

function graphOf(nodes: readonly NodeRow[], edges: readonly EdgeRow[]): LinkGraph {
  return {
    nodes: nodes.map((n) => ({
      path: n.path,
      kind: n.kind,
      soname: n.soname ?? undefined,
      interpreter: n.interpreter ?? undefined,
      needed: n.needed,
    })),
    edges: edges.map((e) => ({ from: e.from_path, to: e.to_path, name: e.name, foundVia: e.found_via })),
    unresolved: [],
    loads: new Map(),
  };
}

/**
 * Whether the matched libraries' packages are at a version the filter names: for a package query the
 * package itself, for a library query the packages owning the matched libraries.
 */
function versionHolds(
  radius: BlastRadius,
  nodes: readonly NodeRow[],
  packages: readonly PackageRow[],
  constraints: readonly VersionConstraint[],
): boolean {
  const owners = new Set<string>();
  if (radius.match === 'package') owners.add(radius.query);
  else {
    const byPath = new Map(nodes.map((n) => [n.path, n.owners]));
    for (const lib of radius.libraries) for (const o of byPath.get(lib) ?? []) owners.add(o.name);
  }
  return packages.some(
    (p) =>
      (owners.has(p.name) || owners.has(`${p.name}:${p.arch}`)) &&
      satisfies(p.manager, p.version, constraints),
  );
}

const UNAFFECTED = { affected: false, match: null, libraries: [], dependents: [] } as const;

export async function blastRadiusFromIndex(
  sql: Sql,
  query: string,
  constraints: readonly VersionConstraint[] = [],
): Promise<IndexRadiusImage[]> {
  const images = await sql.query<ImageRow>(
    `SELECT id, source, image_id, names, has_packages FROM images WHERE layer_count > 0 ORDER BY source COLLATE "C", position`,
  );
  const ids = await candidates(sql, query);
  const [nodes, edges, packages] = await Promise.all([
    sql.query<NodeRow>(
      `SELECT image, path, kind, soname, interpreter, needed, owners FROM image_nodes
       WHERE image = ANY($1) ORDER BY image, seq`,
      [ids],
    ),
    sql.query<EdgeRow>(
      `SELECT image, from_path, to_path, name, found_via FROM image_edges WHERE image = ANY($1) ORDER BY image, seq`,
      [ids],
    ),
    constraints.length === 0
      ? Promise.resolve([])
      : sql.query<PackageRow>(
          `SELECT image, name, arch, version, manager FROM image_packages WHERE image = ANY($1)`,
          [ids],
        ),
  ]);
  const nodesOf = group(nodes);
  const edgesOf = group(edges);
  const packagesOf = group(packages);
  return images.map((image) => {
    const row = { source: image.source, id: image.image_id, names: image.names };
    const imageNodes = nodesOf.get(image.id);
    if (imageNodes === undefined) return { ...row, ...UNAFFECTED };
    const owners = new Map(imageNodes.map((n) => [n.path, n.owners]));
    const radius = blastRadius(
      graphOf(imageNodes, edgesOf.get(image.id) ?? []),
      image.has_packages ? { ownersAt: (path) => owners.get(path) ?? [] } : null,
      query,
    );
    if (
      constraints.length > 0 &&
      radius.libraries.length > 0 &&
      !versionHolds(radius, imageNodes, packagesOf.get(image.id) ?? [], constraints)
    )
      return { ...row, ...UNAFFECTED };
    return {
      ...row,
      affected: radius.libraries.length > 0,
      match: radius.match,
      libraries: radius.libraries,
      dependents: radius.dependents,
    };
  });
}
