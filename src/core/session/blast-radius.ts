/**
 * The blast radius of a vulnerable package in one image: the ELF libraries it owns, and every executable and
 * library that loads one of them, directly or through other libraries (the link graph's edges, reversed).
 * What `dlopen()` loads (NSS, plugins) is not in the graph, so it is not here either.
 */
import type { LinkGraph, LinkNode, LinkNodeKind } from '../linkage/link-graph';
import type { InstalledPackage } from '../packages/package-types';

export interface BlastDependent {
  readonly path: string;
  readonly kind: LinkNodeKind;
  /** The files loaded on the way, from the one this file loads directly to the package's library, inclusive. */
  readonly via: readonly string[];
  /** The package owning this file; null when none does (or no owner index). */
  readonly owner: string | null;
}

export interface BlastRadius {
  readonly query: string;
  /** How the query matched: the name of a package that owns libraries, or a library's file name or SONAME. */
  readonly match: 'package' | 'library' | null;
  /** The matched libraries (graph node paths, realpaths), sorted. */
  readonly libraries: readonly string[];
  /** Everything that loads a matched library transitively, sorted by path; the libraries themselves excluded. */
  readonly dependents: readonly BlastDependent[];
}

/** What the blast radius asks of file ownership: an OwnerIndex has it, and so do owners an index stored. */
export interface BlastOwners {
  ownersAt(path: string): readonly Pick<InstalledPackage, 'name' | 'arch'>[];
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * A library here is anything another object can load: a graph node that is not an executable, has a SONAME,
 * or is the target of an edge. glibc's libc.so.6 has a PT_INTERP and counts as an executable in the graph.
 */
function libraryNodes(graph: LinkGraph): LinkNode[] {
  const targets = new Set(graph.edges.map((e) => e.to));
  return graph.nodes.filter((n) => n.kind !== 'exe' || n.soname !== undefined || targets.has(n.path));
}

function ownedBy(owners: BlastOwners, path: string, query: string): boolean {
  return owners.ownersAt(path).some((pkg) => pkg.name === query || `${pkg.name}:${pkg.arch}` === query);
}

function matchLibraries(
  graph: LinkGraph,
  owners: BlastOwners | null,
  query: string,
): Pick<BlastRadius, 'match' | 'libraries'> {
  const libraries = libraryNodes(graph);
  if (owners !== null) {
    const owned = libraries.filter((n) => ownedBy(owners, n.path, query)).map((n) => n.path);
    if (owned.length > 0) return { match: 'package', libraries: owned.sort() };
  }
  // By name: the file's own name, its SONAME, or a DT_NEEDED name that resolved to it (libssl.so.3 is a
  // symlink to libssl.so.3.0.x on some distributions, and nodes are real files).
  const requested = new Set(graph.edges.filter((e) => e.name === query).map((e) => e.to));
  const named = libraries
    .filter(
      (n) => basename(n.path) === query || n.soname === query || n.path === query || requested.has(n.path),
    )
    .map((n) => n.path);
  return named.length > 0 ? { match: 'library', libraries: named.sort() } : { match: null, libraries: [] };
}

/** Pure over the graph: breadth-first up the reversed edges, so each `via` is a shortest chain. */
export function blastRadius(graph: LinkGraph, owners: BlastOwners | null, query: string): BlastRadius {
  const { match, libraries } = matchLibraries(graph, owners, query);
  const loadersOf = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.from === e.to) continue;
    let list = loadersOf.get(e.to);
    if (list === undefined) loadersOf.set(e.to, (list = []));
    if (!list.includes(e.from)) list.push(e.from);
  }
  const start = new Set(libraries);
  // For each reached file: the file it loads on its shortest way down to a matched library.
  const next = new Map<string, string | null>(libraries.map((p) => [p, null]));
  let frontier = [...libraries];
  while (frontier.length > 0) {
    const following: string[] = [];
    for (const path of frontier) {
      for (const loader of (loadersOf.get(path) ?? []).slice().sort()) {
        if (next.has(loader)) continue;
        next.set(loader, path);
        following.push(loader);
      }
    }
    frontier = following;
  }
  const kinds = new Map(graph.nodes.map((n) => [n.path, n.kind]));
  const dependents: BlastDependent[] = [];
  for (const path of [...next.keys()].sort()) {
    if (start.has(path)) continue;
    const via: string[] = [];
    for (let step = next.get(path) ?? null; step !== null; step = next.get(step) ?? null) via.push(step);
    dependents.push({
      path,
      kind: kinds.get(path) ?? 'lib',
      via,
      owner: owners?.ownersAt(path)[0]?.name ?? null,
    });
  }
  return { query, match, libraries, dependents };
}
