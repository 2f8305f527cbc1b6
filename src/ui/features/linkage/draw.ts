/**
 * Drawing the graph on a 2D canvas: the same function paints the screen and the exported PNG. Colour
 * by layer or by package; size by number of dependents; unresolved names red; version failures ringed.
 */
import { schemeTableau10 } from 'd3-scale-chromatic';
import type { GraphData, GraphNode } from '../../../protocol/linkage';
import type { Shown } from './subgraph';

export type ColorBy = 'layer' | 'package';

export interface DrawState {
  readonly data: GraphData;
  readonly shown: Shown;
  readonly colorBy: ColorBy;
  readonly selected: number | null;
  readonly highlight: ReadonlySet<number>;
  readonly transform: { readonly x: number; readonly y: number; readonly k: number };
  readonly labels: boolean;
}

export const MISSING = '#f87171';
const BACKGROUND = '#0b1020';

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

export function draw(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  state: DrawState,
  scale = 1,
): void {
  const { data, shown, transform } = state;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  ctx.setTransform(scale * transform.k, 0, 0, scale * transform.k, scale * transform.x, scale * transform.y);
  const pos = shown.positions;
  const focusMode = shown.depth.size > 0;
  ctx.lineWidth = 1 / transform.k;
  ctx.strokeStyle = focusMode ? 'rgba(148, 163, 184, 0.55)' : 'rgba(148, 163, 184, 0.16)';
  ctx.beginPath();
  for (const ei of shown.edges) {
    const e = data.edges[ei]!;
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    if (!a || !b) continue;
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
  }
  ctx.stroke();
  // One path per colour and opacity: a few dozen canvas calls a frame instead of thousands.
  const groups = new Map<string, number[]>();
  for (const i of shown.nodes) {
    const node = data.nodes[i]!;
    const dim = !focusMode && state.highlight.size > 0 && !state.highlight.has(i);
    const key = `${nodeColor(node, state.colorBy)}|${dim ? 1 : 0}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  for (const [key, members] of groups) {
    const [color, dim] = key.split('|');
    ctx.fillStyle = color!;
    ctx.globalAlpha = dim === '1' ? 0.25 : 1;
    ctx.beginPath();
    for (const i of members) {
      const node = data.nodes[i]!;
      const p = pos.get(i)!;
      const r = radius(node);
      if (node.kind === 'exe') ctx.rect(p.x - r, p.y - r, r * 2, r * 2);
      else {
        ctx.moveTo(p.x + r, p.y);
        ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
      }
    }
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  // Rings: the interpreter, objects with a missing symbol version, and the selection.
  for (const i of shown.nodes) {
    const node = data.nodes[i]!;
    if (node.kind !== 'interpreter' && node.versionFailures === 0 && i !== state.selected) continue;
    const p = pos.get(i)!;
    const r = radius(node);
    ctx.beginPath();
    if (node.kind === 'exe') ctx.rect(p.x - r, p.y - r, r * 2, r * 2);
    else ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
    ctx.lineWidth = (i === state.selected ? 3 : 2) / transform.k;
    ctx.strokeStyle = i === state.selected ? '#f8fafc' : node.versionFailures > 0 ? MISSING : '#fbbf24';
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  // Labels: always around a focus; on the whole image for the busiest objects, and for all when zoomed in.
  const busy = shown.depth.size === 0 && transform.k <= 1.6;
  if (state.labels || transform.k > 1.6 || shown.depth.size === 0) {
    ctx.font = `${12 / Math.max(transform.k, 0.6)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const i of shown.nodes) {
      const node = data.nodes[i]!;
      if (
        busy &&
        node.dependents < 4 &&
        node.kind !== 'missing' &&
        i !== state.selected &&
        !state.highlight.has(i)
      )
        continue;
      const p = pos.get(i)!;
      ctx.fillStyle = node.kind === 'missing' ? MISSING : '#e2e8f0';
      ctx.fillText(basename(node.path), p.x, p.y + radius(node) + 3 / transform.k);
    }
  }
}
