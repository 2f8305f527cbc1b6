/**
 * What the graph shows: the whole image with its force layout (asked for separately, empty until it comes), or around one file — everything it
 * loads (transitively) or everything that loads it — laid out top-down in levels, like lddtree.
 */
import type { GraphData, GraphPositions } from '../../../protocol/linkage';

export type GraphMode = 'all' | 'focus' | 'reverse';

export interface Shown {
  /** Node indexes shown. */
  readonly nodes: readonly number[];
  /** Edge indexes shown. */
  readonly edges: readonly number[];
  /** Positions by node index (only shown nodes). */
  readonly positions: ReadonlyMap<number, { x: number; y: number }>;
  /** Depth of each shown node from the focus (focus modes). */
  readonly depth: ReadonlyMap<number, number>;
}

const LEVEL_GAP = 110;
const ROW_GAP = 56;
const NODE_GAP = 190;
/** A level wider than this wraps into several rows, so a wide fan-out stays readable. */
const PER_ROW = 8;

export function showGraph(
  data: GraphData,
  mode: GraphMode,
  focus: number | null,
  layout: GraphPositions | null = null,
): Shown {
  if (mode === 'all' || focus === null) {
    const positions = new Map<number, { x: number; y: number }>();
    if (layout) data.nodes.forEach((_, i) => positions.set(i, { x: layout.x[i]!, y: layout.y[i]! }));
    return {
      nodes: layout ? data.nodes.map((_, i) => i) : [],
      edges: layout ? data.edges.map((_, i) => i) : [],
      positions,
      depth: new Map(),
    };
  }
  const forward = mode === 'focus';
  const adjacent = new Map<number, number[]>();
  data.edges.forEach((e, i) => {
    const from = forward ? e.source : e.target;
    const list = adjacent.get(from) ?? [];
    list.push(i);
    adjacent.set(from, list);
  });
  const depth = new Map<number, number>([[focus, 0]]);
  const edges: number[] = [];
  const queue = [focus];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    for (const ei of adjacent.get(at) ?? []) {
      const e = data.edges[ei]!;
      const next = forward ? e.target : e.source;
      edges.push(ei);
      if (!depth.has(next)) {
        depth.set(next, depth.get(at)! + 1);
        queue.push(next);
      }
    }
  }
  // Levels, each ordered by the mean position of the nodes that reach it (fewer crossings).
  const levels: number[][] = [];
  for (const [node, d] of depth) (levels[d] ??= []).push(node);
  const x = new Map<number, number>([[focus, 0]]);
  const parents = new Map<number, number[]>();
  for (const ei of edges) {
    const e = data.edges[ei]!;
    const [from, to] = forward ? [e.source, e.target] : [e.target, e.source];
    if ((depth.get(to) ?? 0) === (depth.get(from) ?? 0) + 1)
      parents.set(to, [...(parents.get(to) ?? []), from]);
  }
  const positions = new Map<number, { x: number; y: number }>();
  let y = 0;
  levels.forEach((level) => {
    const scored = level.map((n) => {
      const ps = parents.get(n) ?? [];
      const score = ps.length ? ps.reduce((s, p) => s + (x.get(p) ?? 0), 0) / ps.length : 0;
      return { n, score, name: data.nodes[n]!.path };
    });
    scored.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1));
    const perRow = Math.min(PER_ROW, scored.length);
    scored.forEach((s, i) => {
      const row = Math.floor(i / perRow);
      const inRow = Math.min(perRow, scored.length - row * perRow);
      const px = (i % perRow) * NODE_GAP - ((inRow - 1) * NODE_GAP) / 2 + (row % 2) * (NODE_GAP / 2);
      x.set(s.n, px);
      positions.set(s.n, { x: px, y: y + row * ROW_GAP });
    });
    y += (Math.ceil(scored.length / perRow) - 1) * ROW_GAP + LEVEL_GAP;
  });
  return { nodes: [...depth.keys()], edges, positions, depth };
}
