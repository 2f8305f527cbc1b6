/**
 * A Mermaid `flowchart` from any small graph of files (what a file loads, a linkage diff), for text a reviewer
 * pastes into a pull request comment, where GitHub renders ```mermaid blocks. Pure text, no layout: Mermaid lays
 * the graph out itself.
 *
 * Mermaid refuses diagrams over its `maxTextSize` (50,000 characters by default) and over `maxEdges` (500), and
 * GitHub uses the defaults; a larger graph gets a sentence instead of a block that would not render.
 */

/** Mermaid's own defaults, which GitHub keeps. */
export const MERMAID_MAX_TEXT = 50_000;
export const MERMAID_MAX_EDGES = 500;

export interface MermaidNode {
  /** Any stable key (a path); it is never written out, ids are generated. */
  readonly key: string;
  readonly label: string;
  /** A class name defined in `classes` (e.g. 'added', 'removed', 'root'). */
  readonly className?: string;
}

export interface MermaidEdge {
  readonly from: string;
  readonly to: string;
  readonly className?: string;
  /** Drawn dashed (a folded or repeated edge). */
  readonly dashed?: boolean;
}

export interface MermaidGraph {
  readonly title?: string;
  readonly direction?: 'TD' | 'LR';
  readonly nodes: readonly MermaidNode[];
  readonly edges: readonly MermaidEdge[];
  /** classDef bodies by class name, e.g. { added: 'fill:#dcfce7,stroke:#15803d' }. */
  readonly classes?: Readonly<Record<string, string>>;
  /** linkStyle bodies by edge class name, e.g. { added: 'stroke:#15803d' }. */
  readonly edgeStyles?: Readonly<Record<string, string>>;
}

export type MermaidResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string; readonly text: string };

/**
 * A label inside `["…"]`: Mermaid reads entity codes there, so quotes and the characters that would end the
 * label or start markup are written as `#quot;`-style codes (its documented escape).
 */
export function mermaidLabel(text: string): string {
  return text.replace(/[#"<>&[\]{}|]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** The flowchart text; when it is over Mermaid's limits, `ok` is false with the sentence to show instead. */
export function writeMermaid(graph: MermaidGraph): MermaidResult {
  const ids = new Map<string, string>();
  const lines: string[] = [];
  if (graph.title !== undefined) lines.push('---', `title: ${JSON.stringify(graph.title)}`, '---');
  lines.push(`flowchart ${graph.direction ?? 'TD'}`);
  for (const node of graph.nodes) {
    const id = `n${ids.size}`;
    ids.set(node.key, id);
    lines.push(`  ${id}["${mermaidLabel(node.label)}"]${node.className ? `:::${node.className}` : ''}`);
  }
  const styled = new Map<string, number[]>();
  let index = 0;
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from === undefined || to === undefined) continue;
    lines.push(`  ${from} ${edge.dashed ? '-.->' : '-->'} ${to}`);
    if (edge.className !== undefined) {
      const list = styled.get(edge.className) ?? [];
      list.push(index);
      styled.set(edge.className, list);
    }
    index++;
  }
  for (const [name, body] of Object.entries(graph.classes ?? {})) lines.push(`  classDef ${name} ${body}`);
  for (const [name, indices] of styled) {
    const body = graph.edgeStyles?.[name];
    if (body !== undefined) lines.push(`  linkStyle ${indices.join(',')} ${body}`);
  }
  const text = lines.join('\n') + '\n';
  if (index > MERMAID_MAX_EDGES)
    return {
      ok: false,
      text,
      reason: `This graph has ${index} edges; Mermaid (and so GitHub) draws at most ${MERMAID_MAX_EDGES}. Focus on one file, or use the SVG or DOT export.`,
    };
  if (text.length > MERMAID_MAX_TEXT)
    return {
      ok: false,
      text,
      reason: `This graph's Mermaid text has ${text.length} characters; Mermaid (and so GitHub) draws at most ${MERMAID_MAX_TEXT}. Focus on one file, or use the SVG or DOT export.`,
    };
  return { ok: true, text };
}
