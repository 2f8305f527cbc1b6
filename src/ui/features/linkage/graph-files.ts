/** The graph as files for other tools: DOT for graphviz (the shown part) and versioned JSON (all of it). */
import type { GraphData } from '../../../protocol/linkage';
import type { Shown } from './subgraph';

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function graphDot(data: GraphData, shown: Shown): string {
  const lines = [
    'digraph strata {',
    '  rankdir=TB;',
    '  node [shape=box, style="rounded,filled", fontname="sans-serif", fillcolor="#e2e8f0"];',
  ];
  for (const i of shown.nodes) {
    const n = data.nodes[i]!;
    const label = n.path.slice(n.path.lastIndexOf('/') + 1);
    const attrs =
      n.kind === 'missing'
        ? `label=${quote(`${label}\\nnot found`)}, fillcolor="#fecaca", color="#dc2626"`
        : `label=${quote(label)}, tooltip=${quote(n.path)}${n.kind === 'exe' ? ', shape=component' : ''}`;
    lines.push(`  ${quote(n.path)} [${attrs}];`);
  }
  for (const ei of shown.edges) {
    const e = data.edges[ei]!;
    lines.push(
      `  ${quote(data.nodes[e.source]!.path)} -> ${quote(data.nodes[e.target]!.path)} [tooltip=${quote(`${e.name} (${e.foundVia})`)}];`,
    );
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

export function graphJson(data: GraphData): string {
  return JSON.stringify(
    {
      version: 1,
      imageId: data.imageId,
      nodes: data.nodes.map((n) => ({
        path: n.path,
        kind: n.kind,
        soname: n.soname,
        layer: n.layer,
        replaced: n.replaced,
        package: n.pkg,
        dependents: n.dependents,
        versionFailures: n.versionFailures,
      })),
      edges: data.edges.map((e) => ({
        from: data.nodes[e.source]!.path,
        to: data.nodes[e.target]!.path,
        name: e.name,
        foundVia: e.foundVia,
      })),
    },
    null,
    2,
  );
}
