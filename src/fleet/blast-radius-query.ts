/**
 * The blast radius of a package or library across every indexed image, from the index alone. The
 * images that can match at all are found by SQL (an owner, a file name, a SONAME or a DT_NEEDED name
 * equal to the query); only their stored link graphs are loaded, and the core's blastRadius runs on
 * each, so the answer is the one `strata rdeps NAME ARCHIVE…` gives over the same images.
 */
import type { LinkEdge, LinkGraph, LinkNode } from '../core';
import { blastRadius, type BlastRadius } from '../core/session/blast-radius';
import type { NodeOwner } from './image-analysis';
import type { CompactGraph } from './image-store';
import type { Sql } from './sql';
import { satisfies, type VersionConstraint } from './version-filter';

/** One image of the answer: `strata rdeps --json`'s row with the source in place of the archive. */
export type IndexRadiusImage = { readonly source: string; readonly id: string } & {
  readonly names: readonly string[];
  /** The image holds at least one matched library: rebuild it. */
  readonly affected: boolean;
} & Pick<BlastRadius, 'match' | 'libraries' | 'dependents'>;

interface ImageRow {
  id: number;
  source: string;
  image_id: string;
  names: string[];
  has_packages: boolean;
}

interface GraphRow {
  image: number;
  graph: string;
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

function graphOf(compact: CompactGraph): LinkGraph {
  return {
    nodes: compact.nodes.map(([path, kind, soname]) => ({
      path,
      kind: kind as LinkNode['kind'],
      soname: soname ?? undefined,
      interpreter: undefined,
      needed: [],
    })),
    edges: compact.edges.map(([from, to, name, foundVia]) => ({
      from,
      to,
      name,
      foundVia: foundVia as LinkEdge['foundVia'],
    })),
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
  owned: ReadonlyMap<string, readonly NodeOwner[]>,
  packages: readonly PackageRow[],
  constraints: readonly VersionConstraint[],
): boolean {
  const owners = new Set<string>();
  if (radius.match === 'package') owners.add(radius.query);
  else {
    for (const lib of radius.libraries) for (const o of owned.get(lib) ?? []) owners.add(o.name);
  }
  return packages.some(
    (p) =>
      (owners.has(p.name) || owners.has(`${p.name}:${p.arch}`)) &&
      satisfies(p.manager, p.version, constraints),
  );
}

const UNAFFECTED = { affected: false, match: null, libraries: [], dependents: [] } as const;

interface Computed {
  readonly radius: BlastRadius;
  readonly owners: ReadonlyMap<string, readonly NodeOwner[]>;
}

/** The package names whose version decides each radius: the query for a package match, else the owners. */
function deciding(computed: ReadonlyMap<number, Computed>): string[] {
  const names = new Set<string>();
  for (const { radius, owners } of computed.values()) {
    if (radius.match === 'package') names.add(radius.query.split(':')[0]!);
    else for (const lib of radius.libraries) for (const o of owners.get(lib) ?? []) names.add(o.name);
  }
  return [...names];
}

export async function blastRadiusFromIndex(
  sql: Sql,
  query: string,
  constraints: readonly VersionConstraint[] = [],
): Promise<IndexRadiusImage[]> {
  const images = await sql.query<ImageRow>(
    `SELECT id, source, image_id, names, has_packages FROM images WHERE layer_count > 0
     ORDER BY source COLLATE "C", position`,
  );
  const ids = await candidates(sql, query);
  const graphs = await sql.query<GraphRow>('SELECT image, graph FROM image_graphs WHERE image = ANY($1)', [
    ids,
  ]);
  const hasPackages = new Map(images.map((i) => [i.id, i.has_packages]));
  const computed = new Map<number, Computed>();
  for (const { image, graph } of graphs) {
    const compact = JSON.parse(graph) as CompactGraph;
    const owners = new Map<string, NodeOwner[]>(
      compact.nodes.map(([path, , , list]) => [path, list.map(([name, arch]) => ({ name, arch }))]),
    );
    const lookup = hasPackages.get(image) ? { ownersAt: (path: string) => owners.get(path) ?? [] } : null;
    computed.set(image, { radius: blastRadius(graphOf(compact), lookup, query), owners });
  }
  const packages =
    constraints.length === 0
      ? []
      : await sql.query<PackageRow>(
          'SELECT image, name, arch, version, manager FROM image_packages WHERE image = ANY($1) AND name = ANY($2)',
          [ids, deciding(computed)],
        );
  const packagesOf = group(packages);
  return images.map((image) => {
    const row = { source: image.source, id: image.image_id, names: image.names };
    const found = computed.get(image.id);
    if (found === undefined) return { ...row, ...UNAFFECTED };
    const { radius, owners } = found;
    if (
      constraints.length > 0 &&
      radius.libraries.length > 0 &&
      !versionHolds(radius, owners, packagesOf.get(image.id) ?? [], constraints)
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
