/**
 * Text a reviewer pastes: a Mermaid `flowchart TD` of the shown graph (GitHub renders it in a pull request
 * comment), and Markdown with the title, an lddtree-style list in a fenced block, and the Mermaid block.
 */
import { writeMermaid, type MermaidResult } from '../mermaid';
import { colouring, MISSING_STROKE } from './colors';
import { pictureFooter, pictureSubtitle, pictureTitle } from './title';
import type { PictureMeta, ShownGraph, ShownNode } from './picture-types';

export function pictureMermaid(graph: ShownGraph, meta: PictureMeta): MermaidResult {
  const colours = colouring(graph.nodes, meta.colorBy, meta.topLayer);
  const classes: Record<string, string> = {};
  const classOf = new Map<string, string>();
  for (const node of graph.nodes) {
    if (node.root || node.kind === 'missing') continue;
    const fill = colours.fillOf(node);
    let name = classOf.get(fill);
    if (name === undefined) {
      name = `c${classOf.size}`;
      classOf.set(fill, name);
      classes[name] = `fill:${fill},stroke:#374151,color:#111827`;
    }
  }
  classes['missing'] = `fill:#fee2e2,stroke:${MISSING_STROKE},color:#991b1b,stroke-dasharray:5 3`;
  const root = graph.nodes.find((n) => n.root);
  classes['root'] =
    `fill:${root === undefined ? '#ffffff' : colours.fillOf(root)},stroke:#111827,stroke-width:3px,font-weight:bold`;
  const className = (n: ShownNode) =>
    n.root ? 'root' : n.kind === 'missing' ? 'missing' : classOf.get(colours.fillOf(n));
  return writeMermaid({
    title: pictureTitle(meta),
    direction: 'TD',
    nodes: graph.nodes.map((n) => ({
      key: n.key,
      label: n.note === null ? n.label : `${n.label} (${n.note})`,
      className: className(n),
    })),
    edges: graph.edges.map((e) => ({
      from: e.from,
      to: e.to,
      dashed: e.kind !== 'tree',
      className: e.kind === 'missing' ? 'missing' : undefined,
    })),
    classes,
    edgeStyles: { missing: `stroke:${MISSING_STROKE}` },
  });
}

/**
 * The lddtree-style list: each object under the object it hangs from in the picture, `name => path`, with the
 * folded ones listed once at the end with their badge.
 */
export function pictureTree(graph: ShownGraph): string {
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const children = new Map<string, string[]>();
  const forward = graph.direction !== 'loaded-by';
  for (const e of graph.edges) {
    if (e.kind === 'extra') continue;
    const [near, far] = forward ? [e.from, e.to] : [e.to, e.from];
    (children.get(near) ?? children.set(near, []).get(near)!).push(far);
  }
  const lines: string[] = [];
  const seen = new Set<string>();
  const line = (n: ShownNode) =>
    n.kind === 'missing'
      ? `${n.label} => not found`
      : n.root || n.label === n.key
        ? n.key
        : `${n.label} => ${n.key}`;
  const walk = (key: string, indent: number) => {
    const node = byKey.get(key);
    if (node === undefined || seen.has(key)) return;
    seen.add(key);
    lines.push(`${'    '.repeat(indent)}${line(node)}`);
    for (const child of children.get(key) ?? []) walk(child, indent + 1);
  };
  const root = graph.nodes.find((n) => n.root);
  if (root !== undefined) walk(root.key, 0);
  for (const n of graph.nodes)
    if (!seen.has(n.key)) lines.push(`    ${line(n)}${n.note === null ? '' : `  (${n.note})`}`);
  return lines.join('\n') + '\n';
}

export function pictureMarkdown(graph: ShownGraph, meta: PictureMeta): string {
  const mermaid = pictureMermaid(graph, meta);
  const parts = [
    `### ${pictureTitle(meta)}`,
    '',
    pictureSubtitle(meta),
    '',
    '```text',
    pictureTree(graph).trimEnd(),
    '```',
    '',
    mermaid.ok ? '```mermaid\n' + mermaid.text + '```' : `> ${mermaid.reason}`,
    '',
    `<sub>${pictureFooter(meta)}</sub>`,
    '',
  ];
  return parts.join('\n');
}
