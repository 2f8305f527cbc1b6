/**
 * The shown graph as Graphviz DOT with the same title, legend and footer as the SVG, in the graph's label (an
 * HTML-like table, so `dot -Tsvg` of the file stands on its own). A tree far wider than deep grows to the right
 * (rankdir=LR), the same choice the SVG's layout makes, so `dot` renders a readable picture of it too.
 */
import { colouring, MISSING_STROKE } from './colors';
import { pictureLegend, type LegendEntry } from './legend';
import { pictureFooter, pictureSubtitle, pictureTitle } from './title';
import { orientationOf } from './layout';
import type { PictureMeta, ShownGraph } from './picture-types';

/** A DOT string literal. */
export function dotQuote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const html = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

function legendRow(entry: LegendEntry): string {
  const swatch =
    entry.type === 'fill'
      ? `<td bgcolor="${entry.fill}" width="24"> </td>`
      : entry.type === 'line'
        ? `<td width="24">${entry.line === 'tree' ? '→' : '⇢'}</td>`
        : `<td width="24" border="1" ${entry.shape === 'missing' ? `color="${MISSING_STROKE}" ` : ''}style="${entry.shape === 'exe' ? 'solid' : entry.shape === 'opened' ? 'dashed' : 'rounded'}"> </td>`;
  return `<tr>${swatch}<td align="left">${html(entry.label)}</td></tr>`;
}

/** The HTML-like label: title, subtitle, legend, footer. */
export function dotLabel(graph: ShownGraph, meta: PictureMeta): string {
  const rows = [
    `<tr><td colspan="2" align="left"><b>${html(pictureTitle(meta))}</b></td></tr>`,
    `<tr><td colspan="2" align="left">${html(pictureSubtitle(meta))}</td></tr>`,
    ...pictureLegend(graph, meta.colorBy, meta.topLayer, meta.words).map(legendRow),
    `<tr><td colspan="2" align="left"><font point-size="10">${html(pictureFooter(meta))}</font></td></tr>`,
  ];
  return `<<table border="0" cellspacing="2">${rows.join('')}</table>>`;
}

export function pictureDot(graph: ShownGraph, meta: PictureMeta): string {
  const colours = colouring(graph.nodes, meta.colorBy, meta.topLayer);
  const ids = new Map(graph.nodes.map((n, i) => [n.key, `n${i}`]));
  const out = [
    'digraph strata {',
    `  graph [rankdir=${orientationOf(graph) === 'right' ? 'LR' : 'TB'}, fontname="DejaVu Sans", labelloc=t, labeljust=l, label=${dotLabel(graph, meta)}];`,
    '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=13];',
    '  edge [color="#4b5563"];',
  ];
  for (const n of graph.nodes) {
    const attrs = [
      `label=${dotQuote(n.note === null ? n.label : `${n.label}\n${n.note}`)}`,
      `tooltip=${dotQuote(n.key)}`,
      `fillcolor=${dotQuote(colours.fillOf(n))}`,
    ];
    if (n.kind === 'exe') attrs.push('style=filled');
    if (n.kind === 'interpreter') attrs.push('peripheries=2', 'color="#b45309"');
    if (n.kind === 'missing')
      attrs.push(`color=${dotQuote(MISSING_STROKE)}`, 'style="rounded,filled,dashed"');
    if (n.root) attrs.push('penwidth=3', `fontname="DejaVu Sans Bold"`);
    out.push(`  ${ids.get(n.key)!} [${attrs.join(', ')}];`);
  }
  // The overview's opened groups, each framed around its objects as on the page.
  const opened = new Map<string, string[]>();
  for (const n of graph.nodes)
    if (n.group !== undefined) opened.set(n.group, [...(opened.get(n.group) ?? []), ids.get(n.key)!]);
  [...opened].forEach(([group, members], i) =>
    out.push(
      `  subgraph cluster_g${i} { label=${dotQuote(group)}; style="rounded,dashed"; color="#4b5563"; ${members.join('; ')}; }`,
    ),
  );
  if (graph.direction !== 'overview') {
    const folded = graph.nodes.filter((n) => n.folded).map((n) => ids.get(n.key)!);
    if (folded.length > 0) out.push(`  { rank=sink; ${folded.join('; ')}; }`);
  }
  for (const e of graph.edges) {
    const style =
      e.kind === 'missing'
        ? ` [color=${dotQuote(MISSING_STROKE)}, style=dashed]`
        : e.kind === 'extra'
          ? ' [color="#9ca3af", style=dashed]'
          : '';
    out.push(`  ${ids.get(e.from)!} -> ${ids.get(e.to)!}${style};`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}
