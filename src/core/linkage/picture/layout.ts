/**
 * Graphviz dot (compiled to WebAssembly, @hpcc-js/wasm-graphviz) places the picture, chosen over elkjs's layered
 * algorithm because dot's crossing minimisation and spline routing are the reference for exactly this kind of
 * drawing, it lays out 100 nodes in tens of milliseconds, and the same package runs in Node and in a worker.
 *
 * The engine comes in as an interface (the core imports no environment): the CLI and the worker load the WASM
 * module and pass `layout`. Boxes are sized from the measured label widths before layout, so dot's node
 * separation is what keeps labels apart: no label is ever scaled or drawn outside its box.
 */
import { PICTURE_FONT, textWidth } from './text-width';
import type {
  Orientation,
  PlacedEdge,
  PlacedNode,
  Picture,
  PlacedGroup,
  Point,
  ShownGraph,
  ShownNode,
} from './picture-types';

/** Graphviz run on DOT text with the dot engine, answering its `json` output. */
export interface DotEngine {
  layout(dot: string): string;
}

export const LABEL_SIZE = 13;
export const NOTE_SIZE = 11;
const PAD_X = 10;
const ONE_LINE = 26;
const TWO_LINES = 42;

/** The box of a node: its label (bold for the root) and its note, padded. */
export function nodeSize(node: Pick<ShownNode, 'label' | 'note' | 'root'>): {
  width: number;
  height: number;
} {
  const label = textWidth(node.label, LABEL_SIZE, node.root);
  const note = node.note === null ? 0 : textWidth(node.note, NOTE_SIZE);
  return {
    width: Math.ceil(Math.max(label, note) + 2 * PAD_X),
    height: node.note === null ? ONE_LINE : TWO_LINES,
  };
}

const inches = (px: number) => (px / 72).toFixed(3);

/**
 * A focused picture whose widest row would be wider than this is turned to grow to the right: a library with 30
 * direct needs (libgtk-3) makes a 5,000 px row, while 30 boxes stacked in a column are about 1,300 px tall. Each
 * object stays at its depth either way, a column instead of a row.
 */
const MAX_ROW_WIDTH = 2400;
const NODE_GAP = 22;

export function orientationOf(graph: ShownGraph): Orientation {
  if (graph.direction === 'overview') return 'down';
  const rows = new Map<number, number>();
  for (const n of graph.nodes) {
    const row = n.folded ? -1 : n.depth;
    rows.set(row, (rows.get(row) ?? 0) + nodeSize(n).width + NODE_GAP);
  }
  return Math.max(...rows.values()) > MAX_ROW_WIDTH ? 'right' : 'down';
}

/** The DOT text handed to the engine: fixed-size boxes, one rank per depth, folded objects on the last rank. */
export function layoutDot(graph: ShownGraph, orientation: Orientation = orientationOf(graph)): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.key, `n${i}`]));
  const lines = [
    'digraph picture {',
    `  graph [rankdir=${orientation === 'right' ? 'LR' : 'TB'}, nodesep=${orientation === 'right' ? 0.12 : 0.3}, ranksep=${orientation === 'right' ? 0.9 : 0.5}, splines=spline, outputorder=edgesfirst];`,
    `  node [shape=box, fixedsize=true, label="", fontname=${JSON.stringify(PICTURE_FONT)}];`,
  ];
  for (const n of graph.nodes) {
    const { width, height } = nodeSize(n);
    lines.push(`  ${ids.get(n.key)!} [width=${inches(width)}, height=${inches(height)}];`);
  }
  if (graph.direction === 'overview') {
    const folded = graph.nodes.filter((n) => n.folded).map((n) => ids.get(n.key)!);
    if (folded.length > 0) lines.push(`  { rank=max; ${folded.join('; ')}; }`);
    // An opened group's members are kept together in a cluster: its frame, with room above for its header.
    [...groupsOf(graph).values()].forEach((members, i) => {
      const names = members.map((key) => ids.get(key)!).join('; ');
      lines.push(
        `  subgraph cluster_g${i} { label=" "; fontsize=${GROUP_HEADER}; margin=${GROUP_MARGIN}; ${names}; }`,
      );
    });
  } else {
    const ranks = new Map<number, string[]>();
    const last = Math.max(0, ...graph.nodes.filter((n) => !n.folded).map((n) => n.depth)) + 1;
    for (const n of graph.nodes) {
      const rank = n.folded ? last : n.depth;
      let list = ranks.get(rank);
      if (list === undefined) ranks.set(rank, (list = []));
      list.push(ids.get(n.key)!);
    }
    for (const [rank, members] of [...ranks].sort((a, b) => a[0] - b[0]))
      lines.push(`  { rank=${rank === 0 ? 'min' : 'same'}; ${members.join('; ')}; }`);
    // Invisible edges from rank to rank keep the depth order even where no drawn edge spans two ranks.
    const order = [...ranks.keys()].sort((a, b) => a - b);
    for (let i = 1; i < order.length; i++)
      lines.push(
        `  ${ranks.get(order[i - 1]!)![0]!} -> ${ranks.get(order[i]!)![0]!} [style=invis, weight=0];`,
      );
  }
  const backward = graph.direction === 'loaded-by';
  graph.edges.forEach((e, i) => {
    // Laid out from the root's side to the far side, so every edge points down the ranks.
    const [tail, head] = backward ? [e.to, e.from] : [e.from, e.to];
    const weight = e.kind === 'tree' ? 4 : 1;
    lines.push(
      `  ${ids.get(tail)!} -> ${ids.get(head)!} [id=e${i}, weight=${weight}${backward ? ', dir=back' : ''}];`,
    );
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** The members of each opened group, in the order of the shown nodes. */
function groupsOf(graph: ShownGraph): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const n of graph.nodes) {
    if (n.group === undefined) continue;
    let list = groups.get(n.group);
    if (list === undefined) groups.set(n.group, (list = []));
    list.push(n.key);
  }
  return groups;
}

/** Height reserved above an opened group's members for its header (Graphviz's cluster label), in points. */
const GROUP_HEADER = 22;
const GROUP_MARGIN = 10;

interface Json0 {
  readonly bb: string;
  readonly objects?: readonly { readonly name: string; readonly pos?: string; readonly bb?: string }[];
  readonly edges?: readonly { readonly id?: string; readonly pos?: string }[];
}

function point(text: string): Point {
  const [x, y] = text.split(',').map(Number);
  return { x: x ?? 0, y: y ?? 0 };
}

/** Places the shown graph: node centres and edge splines in px, y down, the top-left corner at 0,0. */
export function layoutPicture(graph: ShownGraph, engine: DotEngine): Picture {
  const lone = graph.direction === 'overview' ? loneGroups(graph) : new Set<string>();
  if (lone.size < 2) return layoutWithDot(graph, engine);
  const linked = layoutWithDot({ ...graph, nodes: graph.nodes.filter((n) => !lone.has(n.key)) }, engine);
  return flowBelow(linked, graph, lone);
}

/** The overview's closed groups with no drawn edge: Graphviz would put them all on one rank, one long strip. */
function loneGroups(graph: ShownGraph): Set<string> {
  const linked = new Set(graph.edges.flatMap((e) => [e.from, e.to]));
  return new Set(
    graph.nodes.filter((n) => !n.folded && n.group === undefined && !linked.has(n.key)).map((n) => n.key),
  );
}

/** The overview's rows of unlinked groups: about what a laptop's screen shows beside the ranked lists. */
const OVERVIEW_ROW_WIDTH = 960;
const ROW_GAP = 16;

/**
 * Unlinked groups flow in rows about a screen wide below the linked part, in the overview's order (largest
 * first), so a reader scrolls down through them instead of across a strip thousands of pixels wide.
 */
function flowBelow(top: Picture, graph: ShownGraph, lone: ReadonlySet<string>): Picture {
  const rowWidth = OVERVIEW_ROW_WIDTH;
  const placed = new Map<string, PlacedNode>(top.nodes.map((n) => [n.key, n]));
  let x = 0;
  let y = top.nodes.length > 0 ? top.height + ROW_GAP : 0;
  let rowHeight = 0;
  let right = top.width;
  for (const n of graph.nodes) {
    if (!lone.has(n.key)) continue;
    const size = nodeSize(n);
    if (x > 0 && x + size.width > rowWidth) {
      x = 0;
      y += rowHeight + ROW_GAP;
      rowHeight = 0;
    }
    placed.set(n.key, { ...n, ...size, x: round(x + size.width / 2), y: round(y + size.height / 2) });
    right = Math.max(right, x + size.width);
    x += size.width + NODE_GAP;
    rowHeight = Math.max(rowHeight, size.height);
  }
  return {
    ...top,
    graph,
    nodes: graph.nodes.map((n) => placed.get(n.key)!),
    width: round(right),
    height: round(y + rowHeight),
  };
}

function layoutWithDot(graph: ShownGraph, engine: DotEngine): Picture {
  const orientation = orientationOf(graph);
  const json = JSON.parse(engine.layout(layoutDot(graph, orientation))) as Json0;
  const [llx = 0, lly = 0, urx = 0, ury = 0] = json.bb.split(',').map(Number);
  const flip = (p: Point): Point => ({ x: round(p.x - llx), y: round(ury - p.y) });
  const positions = new Map<string, Point>();
  for (const o of json.objects ?? []) if (o.pos !== undefined) positions.set(o.name, flip(point(o.pos)));
  const nodes: PlacedNode[] = graph.nodes.map((n, i) => {
    const p = positions.get(`n${i}`) ?? { x: 0, y: 0 };
    return { ...n, ...nodeSize(n), x: p.x, y: p.y };
  });
  const splines = new Map<string, string>();
  for (const e of json.edges ?? []) if (e.id !== undefined && e.pos !== undefined) splines.set(e.id, e.pos);
  const edges: PlacedEdge[] = graph.edges.map((e, i) => ({
    ...e,
    ...readSpline(splines.get(`e${i}`) ?? '', flip),
  }));
  const frames = new Map<string, string>();
  for (const o of json.objects ?? []) if (o.bb !== undefined) frames.set(o.name, o.bb);
  const groups: PlacedGroup[] = [...groupsOf(graph).keys()].flatMap((key, i) => {
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = (frames.get(`cluster_g${i}`) ?? '').split(',').map(Number);
    if (!frames.has(`cluster_g${i}`)) return [];
    const a = flip({ x: x0, y: y1 });
    return [{ key, x: a.x, y: a.y, width: round(x1 - x0), height: round(y1 - y0) }];
  });
  return {
    graph,
    orientation,
    nodes,
    edges,
    ...(groups.length > 0 ? { groups } : {}),
    width: round(urx - llx),
    height: round(ury - lly),
  };
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Graphviz's edge `pos`: optional `s,x,y` and `e,x,y` arrow tips, then the B-spline's points. */
function readSpline(pos: string, flip: (p: Point) => Point): Pick<PlacedEdge, 'points' | 'arrow'> {
  let start: Point | null = null;
  let end: Point | null = null;
  const points: Point[] = [];
  for (const part of pos.trim().split(/\s+/)) {
    if (part === '') continue;
    if (part.startsWith('s,')) start = flip(point(part.slice(2)));
    else if (part.startsWith('e,')) end = flip(point(part.slice(2)));
    else points.push(flip(point(part)));
  }
  const first = points[0];
  const last = points[points.length - 1];
  const arrow =
    end !== null && last !== undefined
      ? { from: last, tip: end }
      : start !== null && first !== undefined
        ? { from: first, tip: start }
        : null;
  return { points, arrow };
}
