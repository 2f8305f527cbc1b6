/**
 * The linkage change as a graph to draw: every object an added or removed edge touches, and objects that came
 * or went, with the edges among them marked added, removed or unchanged (the page draws them green, red and
 * grey). Unchanged edges are kept only between objects already shown, so the picture stays about the change.
 */
import type { LinkGraph, LinkNodeKind } from '../linkage/link-graph';
import type { LinkageCompare } from './compare-types';

export type DiffStatus = 'added' | 'removed' | 'unchanged';

export interface DiffGraphNode {
  readonly path: string;
  readonly kind: LinkNodeKind;
  readonly status: DiffStatus;
}

export interface DiffGraphEdge {
  /** Indexes into nodes. */
  readonly source: number;
  readonly target: number;
  readonly status: DiffStatus;
}

export interface DiffGraph {
  readonly nodes: readonly DiffGraphNode[];
  readonly edges: readonly DiffGraphEdge[];
  /** Objects left out to keep the picture readable (the JSON and Markdown list every one). */
  readonly omittedNodes: number;
}

export const DIFF_GRAPH_MAX_NODES = 300;

export function linkageDiffGraph(
  oldGraph: LinkGraph,
  newGraph: LinkGraph,
  linkage: LinkageCompare,
  maxNodes = DIFF_GRAPH_MAX_NODES,
): DiffGraph {
  const kinds = new Map<string, LinkNodeKind>();
  for (const n of [...oldGraph.nodes, ...newGraph.nodes]) kinds.set(n.path, n.kind);
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
  const shown = wanted.slice(0, maxNodes);
  const index = new Map(shown.map((p, i) => [p, i]));
  const statusOf = (path: string): DiffStatus =>
    added.has(path) ? 'added' : removed.has(path) ? 'removed' : 'unchanged';
  const nodes = shown.map((path) => ({ path, kind: kinds.get(path) ?? 'lib', status: statusOf(path) }));
  const edges: DiffGraphEdge[] = [];
  const keys = new Set<string>();
  const push = (from: string, to: string, status: DiffStatus) => {
    const source = index.get(from);
    const target = index.get(to);
    const key = `${from}\0${to}`;
    if (source === undefined || target === undefined || keys.has(key)) return;
    keys.add(key);
    edges.push({ source, target, status });
  };
  for (const e of linkage.edgesAdded) push(e.from, e.to, 'added');
  for (const e of linkage.edgesRemoved) push(e.from, e.to, 'removed');
  const before = new Set(oldGraph.edges.map((e) => `${e.from}\0${e.to}`));
  for (const e of newGraph.edges) if (before.has(`${e.from}\0${e.to}`)) push(e.from, e.to, 'unchanged');
  return { nodes, edges, omittedNodes: wanted.length - shown.length };
}
