/**
 * Drawing the whole image's force-laid graph on a 2D canvas. Colour by layer or by package; size by number of
 * dependents; unresolved names red; version failures ringed. Panning and zooming a few thousand objects must
 * not cost a frame: the shapes are built once per picture as Path2D objects in graph coordinates (`buildScene`)
 * and a frame only sets the transform and fills them (`drawScene`). Labels are drawn at screen size, only for
 * objects on screen and only where they fit beside the labels already drawn, most-loaded objects first.
 */
import { schemeTableau10 } from 'd3-scale-chromatic';
import type { GraphData, GraphNode } from '../../../protocol/linkage';
import type { Shown } from './subgraph';

export type ColorBy = 'layer' | 'package';

export interface SceneInput {
  readonly data: GraphData;
  readonly shown: Shown;
  readonly colorBy: ColorBy;
  readonly selected: number | null;
  readonly highlight: ReadonlySet<number>;
  readonly labels: boolean;
}

export interface Transform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

interface Label {
  readonly x: number;
  /** Graph coordinates of the label's top: below the shape. */
  readonly y: number;
  readonly r: number;
  readonly text: string;
  readonly color: string;
  /** Drawn whatever the zoom: the selection, search matches, missing names, much-loaded objects. */
  readonly always: boolean;
}

export interface Scene {
  readonly edges: Path2D;
  readonly edgeColor: string;
  readonly fills: readonly { readonly color: string; readonly alpha: number; readonly path: Path2D }[];
  readonly rings: readonly { readonly color: string; readonly width: number; readonly path: Path2D }[];
  /** In drawing order: the most important first, so they win the space. */
  readonly labels: readonly Label[];
  readonly showLabels: boolean;
}

export const MISSING = '#f87171';
const BACKGROUND = '#0b1020';
const FONT_PX = 12;
/** At most this many labels a frame: more would not be readable anyway, and each costs a fillText. */
const MAX_LABELS = 400;
/** Below this zoom only the `always` labels are candidates. */
const ALL_LABELS_ZOOM = 1.6;

export function radius(node: GraphNode): number {
  return 4 + Math.sqrt(node.dependents) * 2;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function nodeColor(node: GraphNode, colorBy: ColorBy): string {
  if (node.kind === 'missing') return MISSING;
  if (colorBy === 'package') return node.pkg ? `hsl(${hash(node.pkg) % 360} 65% 62%)` : '#64748b';
  return schemeTableau10[Math.max(0, node.layer) % 10] ?? '#94a3b8';
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function addShape(path: Path2D, node: GraphNode, p: { x: number; y: number }, r: number): void {
  if (node.kind === 'exe') path.rect(p.x - r, p.y - r, r * 2, r * 2);
  else {
    path.moveTo(p.x + r, p.y);
    path.arc(p.x, p.y, r, 0, Math.PI * 2);
  }
}

/** The picture's shapes, built once per state: a frame of pan or zoom reuses them. */
export function buildScene(state: SceneInput): Scene {
  const { data, shown } = state;
  const pos = shown.positions;
  const focusMode = shown.depth.size > 0;
  const edges = new Path2D();
  for (const ei of shown.edges) {
    const e = data.edges[ei]!;
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    if (!a || !b) continue;
    edges.moveTo(a.x, a.y);
    edges.lineTo(b.x, b.y);
  }
  // One path per colour and opacity: a few dozen fills a frame instead of thousands of shapes.
  const fills = new Map<string, { color: string; alpha: number; path: Path2D }>();
  const rings: { color: string; width: number; path: Path2D }[] = [];
  const labels: Label[] = [];
  for (const i of shown.nodes) {
    const node = data.nodes[i]!;
    const p = pos.get(i);
    if (!p) continue;
    const r = radius(node);
    const color = nodeColor(node, state.colorBy);
    const dim = !focusMode && state.highlight.size > 0 && !state.highlight.has(i);
    const id = `${color}|${dim ? 1 : 0}`;
    let fill = fills.get(id);
    if (!fill) fills.set(id, (fill = { color, alpha: dim ? 0.25 : 1, path: new Path2D() }));
    addShape(fill.path, node, p, r);
    // Rings: the interpreter, objects with a missing symbol version, and the selection.
    if (node.kind === 'interpreter' || node.versionFailures > 0 || i === state.selected) {
      const ring = new Path2D();
      addShape(ring, node, p, r);
      rings.push({
        path: ring,
        width: i === state.selected ? 3 : 2,
        color: i === state.selected ? '#f8fafc' : node.versionFailures > 0 ? MISSING : '#fbbf24',
      });
    }
    labels.push({
      x: p.x,
      y: p.y,
      r,
      text: basename(node.path),
      color: node.kind === 'missing' ? MISSING : '#e2e8f0',
      always:
        focusMode ||
        node.dependents >= 4 ||
        node.kind === 'missing' ||
        i === state.selected ||
        state.highlight.has(i),
    });
  }
  const rank = (l: Label) => (l.always ? 1 : 0);
  labels.sort((a, b) => rank(b) - rank(a) || b.r - a.r);
  return {
    edges,
    edgeColor: focusMode ? 'rgba(148, 163, 184, 0.55)' : 'rgba(148, 163, 184, 0.16)',
    fills: [...fills.values()],
    rings,
    labels,
    // The whole image always labels its busiest objects; a focus labels all of them unless switched off.
    showLabels: state.labels || !focusMode,
  };
}

/** One frame: the cached shapes under the current pan and zoom, then the labels that fit on screen. */
export function drawScene(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  scene: Scene,
  transform: Transform,
  scale = 1,
): void {
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  const { k } = transform;
  ctx.setTransform(scale * k, 0, 0, scale * k, scale * transform.x, scale * transform.y);
  ctx.lineWidth = 1 / k;
  ctx.strokeStyle = scene.edgeColor;
  ctx.stroke(scene.edges);
  for (const fill of scene.fills) {
    ctx.fillStyle = fill.color;
    ctx.globalAlpha = fill.alpha;
    ctx.fill(fill.path);
  }
  ctx.globalAlpha = 1;
  for (const ring of scene.rings) {
    ctx.lineWidth = ring.width / k;
    ctx.strokeStyle = ring.color;
    ctx.stroke(ring.path);
  }
  if (!scene.showLabels && k <= ALL_LABELS_ZOOM) return;
  // Labels in screen pixels, so they stay readable at any zoom.
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.font = `${FONT_PX}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const taken = new LabelSpace(width);
  let drawn = 0;
  for (const label of scene.labels) {
    if (drawn >= MAX_LABELS) break;
    if (!label.always && k <= ALL_LABELS_ZOOM) break;
    const sx = transform.x + label.x * k;
    const sy = transform.y + (label.y + label.r) * k + 3;
    // Off screen: nothing to draw. The width is estimated: measuring thousands of labels a frame costs more.
    const w = label.text.length * FONT_PX * 0.6;
    if (sx + w / 2 < 0 || sx - w / 2 > width || sy > height || sy + FONT_PX < 0) continue;
    if (!taken.claim(sx - w / 2, sy, w, FONT_PX + 2)) continue;
    ctx.fillStyle = label.color;
    ctx.fillText(label.text, sx, sy);
    drawn++;
  }
}

/** Screen space already used by labels, in a coarse grid of cells: a label goes only where it overlaps none. */
class LabelSpace {
  private readonly cell = 24;
  private readonly boxes = new Map<number, { x: number; y: number; w: number; h: number }[]>();
  private readonly columns: number;

  constructor(width: number) {
    this.columns = Math.ceil(width / this.cell) + 2;
  }

  claim(x: number, y: number, w: number, h: number): boolean {
    const cells: number[] = [];
    for (let cy = Math.floor(y / this.cell); cy <= Math.floor((y + h) / this.cell); cy++)
      for (let cx = Math.floor(x / this.cell); cx <= Math.floor((x + w) / this.cell); cx++)
        cells.push(cy * this.columns + cx);
    for (const c of cells)
      for (const b of this.boxes.get(c) ?? [])
        if (x < b.x + b.w && b.x < x + w && y < b.y + b.h && b.y < y + h) return false;
    const box = { x, y, w, h };
    for (const c of cells) {
      const list = this.boxes.get(c);
      if (list) list.push(box);
      else this.boxes.set(c, [box]);
    }
    return true;
  }
}
