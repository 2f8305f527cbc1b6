/**
 * A LinkGraph as versioned JSON and as Graphviz DOT, for `strata graph` and the page's export. Pure: the
 * caller says which layer put each file there and which package owns it (both optional).
 */
import type { LinkGraph, LinkNodeKind } from './link-graph';
import type { FoundVia } from './link-types';
import { LAYER_FILLS } from './picture/colors';

/** Version of the JSON below; bump on any change that is not a pure addition. */
export const GRAPH_JSON_VERSION = 1;

export interface GraphExportContext {
  readonly image: { readonly id: string; readonly names: readonly string[] };
  /** The layer that put the file at a node's path there; null when unknown. */
  readonly layerOf?: (path: string) => number | null;
  /** The package owning a node's path; null when none does. */
  readonly packageOf?: (path: string) => string | null;
}

export interface GraphJsonNode {
  readonly path: string;
  readonly kind: LinkNodeKind;
  readonly soname: string | null;
  readonly layer: number | null;
  readonly package: string | null;
  /** How many distinct files load this one directly. */
  readonly dependents: number;
}

export interface GraphJson {
  readonly version: number;
  readonly image: { readonly id: string; readonly names: readonly string[] };
  readonly nodes: readonly GraphJsonNode[];
  readonly edges: readonly {
    readonly from: string;
    readonly to: string;
    readonly name: string;
    readonly foundVia: FoundVia;
  }[];
  readonly unresolved: readonly { readonly from: string; readonly name: string; readonly reason: string }[];
}

/**
 * How many distinct files load each target directly (the page's and the CLI's "dependents"): a file
 * that loads one library under two names counts once.
 */
export function dependentCounts<K>(edges: readonly { readonly from: K; readonly to: K }[]): Map<K, number> {
  const from = new Map<K, Set<K>>();
  for (const e of edges) {
    let set = from.get(e.to);
    if (set === undefined) from.set(e.to, (set = new Set()));
    set.add(e.from);
  }
  return new Map([...from].map(([to, set]) => [to, set.size]));
}

/** The JSON contract of `strata graph --format json` (keys are added, never renamed). */
export function toGraphJson(graph: LinkGraph, context: GraphExportContext): GraphJson {
  const dependents = dependentCounts(graph.edges);
  return {
    version: GRAPH_JSON_VERSION,
    image: { id: context.image.id, names: [...context.image.names] },
    nodes: graph.nodes.map((n) => ({
      path: n.path,
      kind: n.kind,
      soname: n.soname ?? null,
      layer: context.layerOf?.(n.path) ?? null,
      package: context.packageOf?.(n.path) ?? null,
      dependents: dependents.get(n.path) ?? 0,
    })),
    edges: graph.edges.map((e) => ({ from: e.from, to: e.to, name: e.name, foundVia: e.foundVia })),
    unresolved: graph.unresolved.map((u) => ({ from: u.from, name: u.name, reason: u.reason })),
  };
}

/** A DOT string literal: backslashes and quotes escaped, newlines as \n. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1) || path;
}

const SHAPES: Record<LinkNodeKind, string> = { exe: 'box', lib: 'ellipse', interpreter: 'diamond' };

/**
 * `digraph strata { … }` for graphviz: one cluster per layer (the files that layer put there, filled with the
 * layer's colour), labels are base names with the full path as tooltip, executables are boxes, and each name no
 * object resolved is one red node that its requesters point at with dashed red edges.
 */
export function toGraphDot(graph: LinkGraph, context: GraphExportContext): string {
  const title = context.image.names[0] ?? context.image.id;
  const out: string[] = [
    'digraph strata {',
    `  graph [rankdir=LR, fontname="Helvetica", label=${quote(title)}, labelloc=t];`,
    '  node [fontname="Helvetica", style=filled, fillcolor=white];',
    '  edge [color="#555555"];',
  ];
  const byLayer = new Map<number | null, string[]>();
  for (const n of graph.nodes) {
    const layer = context.layerOf?.(n.path) ?? null;
    const fill = layer === null ? 'white' : LAYER_FILLS[layer % LAYER_FILLS.length]!;
    const pkg = context.packageOf?.(n.path) ?? null;
    const tooltip = pkg === null ? n.path : `${n.path} (${pkg})`;
    const line = `${quote(n.path)} [label=${quote(basename(n.path))}, shape=${SHAPES[n.kind]}, fillcolor=${quote(fill)}, tooltip=${quote(tooltip)}];`;
    let lines = byLayer.get(layer);
    if (lines === undefined) byLayer.set(layer, (lines = []));
    lines.push(line);
  }
  const layers = [...byLayer.keys()].sort((a, b) => (a ?? -1) - (b ?? -1));
  for (const layer of layers) {
    const lines = byLayer.get(layer)!;
    if (layer === null) {
      out.push(...lines.map((l) => `  ${l}`));
      continue;
    }
    out.push(`  subgraph cluster_layer_${layer} {`, `    label=${quote(`layer ${layer}`)};`);
    out.push(...lines.map((l) => `    ${l}`), '  }');
  }
  for (const e of graph.edges) {
    out.push(`  ${quote(e.from)} -> ${quote(e.to)} [tooltip=${quote(`${e.name} via ${e.foundVia}`)}];`);
  }
  const missing = [...new Set(graph.unresolved.map((u) => u.name))].sort();
  for (const name of missing) {
    out.push(
      `  ${quote(`unresolved:${name}`)} [label=${quote(name)}, shape=ellipse, color=red, fontcolor=red];`,
    );
  }
  for (const u of graph.unresolved) {
    out.push(
      `  ${quote(u.from)} -> ${quote(`unresolved:${u.name}`)} [color=red, style=dashed, tooltip=${quote(u.reason)}];`,
    );
  }
  out.push('}');
  return out.map((l) => `${l}\n`).join('');
}
