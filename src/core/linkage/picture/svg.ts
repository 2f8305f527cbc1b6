/**
 * The picture as a standalone SVG: title, subtitle, the laid-out graph at its real size (text is real text at
 * 11–18 px, never scaled), a legend of every colour, shape and line used, an optional ranked list beside the
 * graph, and a footer. The CLI renders this same text to PNG; the page draws it to a canvas for its PNG.
 */
import { CHANGE_FILLS, CHANGE_STROKES, colouring, MISSING_STROKE, PALETTES, type Palette } from './colors';
import { LABEL_SIZE, NOTE_SIZE } from './layout';
import { pictureLegend, type LegendEntry } from './legend';
import { pictureFooter, pictureSubtitle, pictureTitle } from './title';
import { PICTURE_FONT, textWidth } from './text-width';
import type { Picture, PictureMeta, PlacedEdge, PlacedNode, Point, Theme } from './picture-types';

export interface SideList {
  readonly heading: string;
  readonly rows: readonly string[];
  /** The object each row names, where it names one (the page focuses it on a click). */
  readonly keys?: readonly string[];
}

export interface SvgOptions {
  readonly theme?: Theme;
  /** Ranked lists drawn to the right of the graph (the overview's). */
  readonly side?: readonly SideList[];
}

const MARGIN = 24;
const TITLE_SIZE = 18;
const SUB_SIZE = 13;
const LEGEND_SIZE = 12;
const FOOT_SIZE = 11;
const SIDE_SIZE = 12;
const SIDE_GAP = 32;

export const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n1 = (v: number) => String(Math.round(v * 10) / 10);

/** The baseline that centres a line of text of `size` px on `y`. */
const baseline = (y: number, size: number) => y + size * 0.36;

function text(x: number, y: number, size: number, fill: string, body: string, extra = ''): string {
  return `<text x="${n1(x)}" y="${n1(y)}" font-size="${size}" fill="${fill}"${extra}>${escapeXml(body)}</text>`;
}

export function edgePath(edge: PlacedEdge, dx = 0, dy = 0): string {
  const [first, ...rest] = edge.points;
  if (first === undefined) return '';
  const p = (q: Point) => `${n1(q.x + dx)},${n1(q.y + dy)}`;
  let d = `M${p(first)}`;
  for (let i = 0; i + 2 < rest.length; i += 3) d += ` C${p(rest[i]!)} ${p(rest[i + 1]!)} ${p(rest[i + 2]!)}`;
  return d;
}

export function arrowHead(edge: PlacedEdge, dx = 0, dy = 0): string {
  if (edge.arrow === null) return '';
  const { from, tip } = edge.arrow;
  const len = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const [ux, uy] = [(tip.x - from.x) / len, (tip.y - from.y) / len];
  const back = { x: tip.x - ux * 9, y: tip.y - uy * 9 };
  const a = { x: back.x - uy * 4, y: back.y + ux * 4 };
  const b = { x: back.x + uy * 4, y: back.y - ux * 4 };
  return [tip, a, b].map((q) => `${n1(q.x + dx)},${n1(q.y + dy)}`).join(' ');
}

function edgeStyle(edge: PlacedEdge, palette: Palette): { stroke: string; dash: string } {
  if (edge.change !== undefined)
    return {
      stroke: CHANGE_STROKES[edge.change],
      dash: edge.change === 'removed' ? ' stroke-dasharray="6 4"' : '',
    };
  if (edge.kind === 'missing') return { stroke: MISSING_STROKE, dash: ' stroke-dasharray="5 3"' };
  if (edge.kind === 'extra') return { stroke: palette.extraEdge, dash: ' stroke-dasharray="4 3"' };
  return { stroke: palette.edge, dash: '' };
}

function nodeSvg(node: PlacedNode, fill: string, palette: Palette, dx: number, dy: number): string {
  const x = node.x - node.width / 2 + dx;
  const y = node.y - node.height / 2 + dy;
  const cx = node.x + dx;
  const cy = node.y + dy;
  const missing = node.kind === 'missing';
  const change = node.change;
  const stroke = missing
    ? MISSING_STROKE
    : change !== undefined && change !== 'unchanged'
      ? CHANGE_STROKES[change]
      : palette.nodeStroke;
  const width = node.root
    ? 3
    : change === 'added' || change === 'removed'
      ? 2
      : node.kind === 'exe'
        ? 1.5
        : 1;
  const rx = node.kind === 'exe' ? 0 : 8;
  const tip = change === undefined ? node.key : `${node.key} (${change})`;
  const parts = [
    `<g data-key="${escapeXml(node.key)}"${change === undefined ? '' : ` class="node--${change}"`}><title>${escapeXml(tip)}</title>`,
  ];
  if (node.kind === 'interpreter')
    parts.push(
      `<rect x="${n1(x - 3)}" y="${n1(y - 3)}" width="${n1(node.width + 6)}" height="${n1(node.height + 6)}" rx="${rx + 3}" fill="none" stroke="${palette.interpreterRing}" stroke-width="2"/>`,
    );
  parts.push(
    `<rect x="${n1(x)}" y="${n1(y)}" width="${n1(node.width)}" height="${n1(node.height)}" rx="${rx}" fill="${fill}" stroke="${stroke}" stroke-width="${width}"${missing ? ' stroke-dasharray="5 3"' : ''}/>`,
  );
  const labelY = node.note === null ? cy : cy - 7;
  parts.push(
    text(
      cx,
      baseline(labelY, LABEL_SIZE),
      LABEL_SIZE,
      missing ? '#991b1b' : palette.nodeText,
      node.label,
      ` text-anchor="middle"${node.root ? ' font-weight="bold"' : ''}`,
    ),
  );
  if (node.note !== null)
    parts.push(
      text(cx, baseline(cy + 9, NOTE_SIZE), NOTE_SIZE, '#374151', node.note, ' text-anchor="middle"'),
    );
  parts.push('</g>');
  return parts.join('');
}

/** Width in px of one legend entry: the swatch, a gap, the text. */
function legendWidth(entry: LegendEntry): number {
  return 34 + textWidth(entry.label, LEGEND_SIZE);
}

function legendSwatch(entry: LegendEntry, x: number, y: number, palette: Palette): string {
  const box = (rx: number, fill: string, stroke: string, w = 1, dash = '') =>
    `<rect x="${n1(x)}" y="${n1(y - 7)}" width="24" height="14" rx="${rx}" fill="${fill}" stroke="${stroke}" stroke-width="${w}"${dash}/>`;
  if (entry.type === 'fill') return box(3, entry.fill, palette.nodeStroke);
  if (entry.type === 'line') {
    const missing = entry.line === 'missing';
    const line = entry.line;
    const change = line === 'added' || line === 'removed' || line === 'unchanged' ? line : null;
    const stroke =
      change !== null
        ? CHANGE_STROKES[change]
        : missing
          ? MISSING_STROKE
          : line === 'extra'
            ? palette.extraEdge
            : palette.edge;
    const dash = line === 'tree' || line === 'added' || line === 'unchanged' ? '' : ' stroke-dasharray="4 3"';
    return `<line x1="${n1(x)}" y1="${n1(y)}" x2="${n1(x + 18)}" y2="${n1(y)}" stroke="${stroke}" stroke-width="1.5"${dash}/><polygon points="${n1(x + 24)},${n1(y)} ${n1(x + 16)},${n1(y - 4)} ${n1(x + 16)},${n1(y + 4)}" fill="${stroke}"/>`;
  }
  switch (entry.shape) {
    case 'exe':
      return box(0, '#ffffff', palette.nodeStroke, 1.5);
    case 'lib':
    case 'group':
      return box(6, '#ffffff', palette.nodeStroke);
    case 'root':
      return box(6, '#ffffff', palette.nodeStroke, 3);
    case 'missing':
      return box(6, '#fee2e2', MISSING_STROKE, 1, ' stroke-dasharray="5 3"');
    case 'opened':
      return box(4, 'none', palette.muted, 1, ' stroke-dasharray="6 3"');
    case 'interpreter':
      return `<rect x="${n1(x - 2)}" y="${n1(y - 9)}" width="28" height="18" rx="8" fill="none" stroke="${palette.interpreterRing}" stroke-width="2"/>${box(6, '#ffffff', palette.nodeStroke)}`;
  }
}

/** Legend entries flowed into rows no wider than `width`; returns the markup and the height used. */
function legendSvg(entries: readonly LegendEntry[], x0: number, y0: number, width: number, palette: Palette) {
  const parts: string[] = [];
  let x = x0;
  let y = y0 + 9;
  for (const entry of entries) {
    const w = legendWidth(entry);
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += 22;
    }
    parts.push(legendSwatch(entry, x, y, palette));
    parts.push(text(x + 32, baseline(y, LEGEND_SIZE), LEGEND_SIZE, palette.text, entry.label));
    x += w + 18;
  }
  return { markup: parts.join('\n'), height: entries.length === 0 ? 0 : y - y0 + 11 };
}

function sideSvg(lists: readonly SideList[], x: number, y0: number, palette: Palette) {
  const parts: string[] = [];
  let y = y0;
  for (const list of lists) {
    parts.push(
      text(
        x,
        baseline(y + 7, SIDE_SIZE + 1),
        SIDE_SIZE + 1,
        palette.text,
        list.heading,
        ' font-weight="bold"',
      ),
    );
    y += 22;
    for (const row of list.rows) {
      parts.push(text(x, baseline(y + 6, SIDE_SIZE), SIDE_SIZE, palette.text, row));
      y += 18;
    }
    y += 14;
  }
  return { markup: parts.join('\n'), height: y - y0 };
}

export function sideWidth(lists: readonly SideList[]): number {
  let w = 0;
  for (const list of lists) {
    w = Math.max(w, textWidth(list.heading, SIDE_SIZE + 1, true));
    for (const row of list.rows) w = Math.max(w, textWidth(row, SIDE_SIZE));
  }
  return Math.ceil(w);
}

/** The whole picture as SVG text, sized in px (the PNG is this at twice the density). */
export function writeSvg(picture: Picture, meta: PictureMeta, options: SvgOptions = {}): string {
  const palette = PALETTES[options.theme ?? 'light'];
  const title = pictureTitle(meta);
  const subtitle = pictureSubtitle(meta);
  const footer = pictureFooter(meta);
  const side = options.side ?? [];
  const sideW = side.length > 0 ? sideWidth(side) + SIDE_GAP : 0;
  const inner = Math.max(
    picture.width + sideW,
    textWidth(title, TITLE_SIZE, true),
    textWidth(subtitle, SUB_SIZE),
    textWidth(footer, FOOT_SIZE),
    420,
  );
  const width = Math.ceil(inner + 2 * MARGIN);
  const graphTop = MARGIN + 58;
  const dx = MARGIN + (inner - sideW - picture.width) / 2;
  const sideMarkup =
    side.length > 0 ? sideSvg(side, MARGIN + inner - sideW + SIDE_GAP, graphTop, palette) : null;
  const graphBottom = graphTop + Math.max(picture.height, sideMarkup?.height ?? 0);
  const legend = legendSvg(
    pictureLegend(picture.graph, meta.colorBy, meta.topLayer, meta.words),
    MARGIN,
    graphBottom + 24,
    inner,
    palette,
  );
  const footY = graphBottom + 24 + legend.height + 22;
  const height = Math.ceil(footY + MARGIN);
  const colours = colouring(picture.nodes, meta.colorBy, meta.topLayer);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(PICTURE_FONT)}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="${palette.background}"/>`,
    text(MARGIN, MARGIN + TITLE_SIZE, TITLE_SIZE, palette.text, title, ' font-weight="bold"'),
    text(MARGIN, MARGIN + TITLE_SIZE + 22, SUB_SIZE, palette.muted, subtitle),
  ];
  // An opened group's frame, behind its members; its filled area is what the page takes a click on.
  for (const group of picture.groups ?? []) {
    const [x, y] = [group.x + dx, group.y + graphTop];
    out.push(
      `<g data-group="${escapeXml(group.key)}"><title>${escapeXml(group.key)}</title>`,
      `<rect x="${n1(x)}" y="${n1(y)}" width="${n1(group.width)}" height="${n1(group.height)}" rx="10" fill="${palette.muted}" fill-opacity="0.08" stroke="${palette.muted}" stroke-dasharray="6 3"/>`,
      text(x + 10, baseline(y + 13, LABEL_SIZE), LABEL_SIZE, palette.text, group.key, ' font-weight="bold"'),
      '</g>',
    );
  }
  out.push('<g fill="none" stroke-width="1.2">');
  for (const edge of picture.edges) {
    const { stroke, dash } = edgeStyle(edge, palette);
    const cls = edge.change === undefined ? '' : ` class="edge--${edge.change}"`;
    const w = edge.change === 'added' || edge.change === 'removed' ? ' stroke-width="2"' : '';
    out.push(`<path${cls} d="${edgePath(edge, dx, graphTop)}" stroke="${stroke}"${w}${dash}/>`);
  }
  out.push('</g>', '<g stroke="none">');
  for (const edge of picture.edges) {
    const head = arrowHead(edge, dx, graphTop);
    if (head !== '') out.push(`<polygon points="${head}" fill="${edgeStyle(edge, palette).stroke}"/>`);
  }
  out.push('</g>');
  for (const node of picture.nodes) {
    const fill = node.change === undefined ? colours.fillOf(node) : CHANGE_FILLS[node.change];
    out.push(nodeSvg(node, fill, palette, dx, graphTop));
  }
  if (sideMarkup !== null) out.push(sideMarkup.markup);
  out.push(legend.markup);
  out.push(text(MARGIN, footY, FOOT_SIZE, palette.muted, footer));
  out.push('</svg>');
  return out.join('\n') + '\n';
}
