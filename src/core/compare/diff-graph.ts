/**
 * The linkage change as a picture's graph: every object an added or removed edge touches, and objects that came
 * or went, with the objects and edges marked added, removed or unchanged (drawn green, red and grey by the
 * picture's writer). Unchanged edges are kept only between objects already shown, so the picture stays about
 * the change.
 */
import type { LinkGraph } from '../linkage/link-graph';
import type { ChangeState, ShownEdge, ShownGraph, ShownNode } from '../linkage/picture/picture-types';
import { basename } from '../linkage/picture/source';
import type { LinkageCompare } from './compare-types';

export type DiffStatus = ChangeState;

export interface DiffGraph {
  readonly graph: ShownGraph;
  /** Objects left out to keep the picture readable (the JSON and Markdown list every one). */
  readonly omittedNodes: number;
}

export const DIFF_GRAPH_MAX_NODES = 300;

/**
 * Each object's longest chain of loads from an object nothing shown loads, so dot ranks every loader above
 * what it loads (libc under the library that loads it, not beside it). A cycle stops growing after one pass
 * per object.
 */
function depths(keys: readonly string[], edges: readonly ShownEdge[]): Map<string, number> {
  const depth = new Map(keys.map((k) => [k, 0]));
  for (let pass = 0; pass < keys.length; pass++) {
    let moved = false;
    for (const e of edges) {
      const next = depth.get(e.from)! + 1;
      if (e.from !== e.to && next > depth.get(e.to)!) {
        depth.set(e.to, next);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return depth;
}

export function linkageDiffGraph(
  oldGraph: LinkGraph,
  newGraph: LinkGraph,
  linkage: LinkageCompare,
  maxNodes = DIFF_GRAPH_MAX_NODES,
): DiffGraph {
  const objects = new Map<string, LinkGraph['nodes'][number]>();
  for (const n of [...oldGraph.nodes, ...newGraph.nodes]) objects.set(n.path, n);
  const added = new Set(linkage.objectsAdded);
  const removed = new Set(linkage.objectsRemoved);
  const wanted: string[] = [];
  const seen = new Set<string>();
  const want = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    wanted.push(path);
  };
  for (const e of [...linkage.edgesAdded, ...linkage.edgesRemoved]) {
    want(e.from);
    want(e.to);
  }
  for (const p of [...linkage.objectsAdded, ...linkage.objectsRemoved]) want(p);
  const shown = new Set(wanted.slice(0, maxNodes));
  const edges: ShownEdge[] = [];
  const keys = new Set<string>();
  const push = (from: string, to: string, change: ChangeState) => {
    const key = `${from}\0${to}`;
    if (!shown.has(from) || !shown.has(to) || keys.has(key)) return;
    keys.add(key);
    edges.push({ from, to, kind: 'tree', change });
  };
  // Unchanged first: the writer draws in order, so the change is drawn on top.
  const before = new Set(oldGraph.edges.map((e) => `${e.from}\0${e.to}`));
  for (const e of newGraph.edges) if (before.has(`${e.from}\0${e.to}`)) push(e.from, e.to, 'unchanged');
  for (const e of linkage.edgesAdded) push(e.from, e.to, 'added');
  for (const e of linkage.edgesRemoved) push(e.from, e.to, 'removed');
  const depth = depths([...shown], edges);
  const nodes: ShownNode[] = [...shown].map((path) => {
    const object = objects.get(path);
    const kind = object?.kind ?? 'lib';
    return {
      key: path,
      label: kind === 'exe' ? basename(path) : (object?.soname ?? basename(path)),
      note: null,
      kind,
      layer: null,
      pkg: null,
      depth: depth.get(path) ?? 0,
      root: false,
      folded: false,
      change: added.has(path) ? 'added' : removed.has(path) ? 'removed' : 'unchanged',
    };
  });
  return {
    graph: { direction: 'loads', nodes, edges, hiddenEdges: 0 },
    omittedNodes: wanted.length - shown.size,
  };
}
