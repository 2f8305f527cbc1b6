/**
 * Linkage, old against new, from the two images' link graphs (resolveLinkGraph: every ELF object, every
 * DT_NEEDED entry resolved by the image's own loader): objects and edges that came and went, DT_NEEDED
 * names that moved to another SONAME of the same library, and names that no longer resolve.
 */
import type { LinkGraph } from '../linkage/link-graph';
import type { LinkageCompare, LinkEdgeRef, SonameChange, UnresolvedRef } from './compare-types';

const sorted = (list: Iterable<string>): string[] => [...list].sort();

/** The library a DT_NEEDED name is a version of: "libssl.so.1.1" and "libssl.so.3" are both "libssl". */
export function libraryStem(name: string): string {
  return name.replace(/\.so(\.[^/]*)?$/, '');
}

function edgeMap(graph: LinkGraph): Map<string, LinkEdgeRef> {
  const map = new Map<string, LinkEdgeRef>();
  for (const e of graph.edges) map.set(`${e.from}\0${e.to}`, { from: e.from, to: e.to });
  return map;
}

function onlyIn(a: Map<string, LinkEdgeRef>, b: Map<string, LinkEdgeRef>): LinkEdgeRef[] {
  return [...a]
    .filter(([key]) => !b.has(key))
    .map(([, edge]) => edge)
    .sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : x.to < y.to ? -1 : x.to > y.to ? 1 : 0));
}

/**
 * For each object in both images: a DT_NEEDED name it dropped and one it gained with the same stem is a
 * SONAME change (only when the stem pairs one name with one name, so libfoo.so.1 → libfoo.so.2 is clear).
 */
function sonameChanges(oldGraph: LinkGraph, newGraph: LinkGraph): SonameChange[] {
  const oldNeeded = new Map(oldGraph.nodes.map((n) => [n.path, n.needed]));
  const changes = new Map<string, { from: string; to: string; loadedBy: string[] }>();
  for (const node of newGraph.nodes) {
    const before = oldNeeded.get(node.path);
    if (before === undefined) continue;
    const gone = before.filter((n) => !node.needed.includes(n));
    const come = node.needed.filter((n) => !before.includes(n));
    for (const from of gone) {
      const stem = libraryStem(from);
      const candidates = come.filter((n) => libraryStem(n) === stem);
      const others = gone.filter((n) => libraryStem(n) === stem);
      if (candidates.length !== 1 || others.length !== 1) continue;
      const to = candidates[0]!;
      const key = `${from}\0${to}`;
      const change = changes.get(key) ?? { from, to, loadedBy: [] };
      change.loadedBy.push(node.path);
      changes.set(key, change);
    }
  }
  return [...changes.values()]
    .map((c) => ({ ...c, loadedBy: c.loadedBy.sort() }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1));
}

function unresolvedNew(oldGraph: LinkGraph, newGraph: LinkGraph): UnresolvedRef[] {
  const before = new Set(oldGraph.unresolved.map((u) => `${u.from}\0${u.name}`));
  const seen = new Set<string>();
  const result: UnresolvedRef[] = [];
  for (const u of newGraph.unresolved) {
    const key = `${u.from}\0${u.name}`;
    if (before.has(key) || seen.has(key)) continue;
    seen.add(key);
    result.push({ path: u.from, name: u.name });
  }
  return result.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}

export function compareLinkage(oldGraph: LinkGraph, newGraph: LinkGraph): LinkageCompare {
  const oldObjects = new Set(oldGraph.nodes.map((n) => n.path));
  const newObjects = new Set(newGraph.nodes.map((n) => n.path));
  const oldEdges = edgeMap(oldGraph);
  const newEdges = edgeMap(newGraph);
  return {
    objectsAdded: sorted([...newObjects].filter((p) => !oldObjects.has(p))),
    objectsRemoved: sorted([...oldObjects].filter((p) => !newObjects.has(p))),
    edgesAdded: onlyIn(newEdges, oldEdges),
    edgesRemoved: onlyIn(oldEdges, newEdges),
    sonameChanges: sonameChanges(oldGraph, newGraph),
    unresolvedNew: unresolvedNew(oldGraph, newGraph),
  };
}
