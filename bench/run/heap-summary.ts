/**
 * What a V8 heap snapshot (CDP `HeapProfiler.takeHeapSnapshot`, the `.heapsnapshot` JSON) holds, for
 * people: the largest kinds of object by self size, and for the largest objects the shortest path of
 * strong references from the GC roots, so "the worker keeps 180 MB" becomes "this map in that closure".
 */

interface Snapshot {
  readonly snapshot: {
    readonly meta: {
      readonly node_fields: readonly string[];
      readonly node_types: readonly [readonly string[], ...unknown[]];
      readonly edge_fields: readonly string[];
      readonly edge_types: readonly [readonly string[], ...unknown[]];
    };
  };
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
  readonly strings: readonly string[];
}

export interface HeapSummary {
  readonly totalBytes: number;
  /** `type name`, self bytes and count, largest first. */
  readonly kinds: readonly { kind: string; bytes: number; count: number }[];
  /** The largest objects with the path that keeps them alive, root first. */
  readonly largest: readonly { node: string; bytes: number; path: string }[];
}

export function summariseHeap(json: string, top = 12): HeapSummary {
  const snap = JSON.parse(json) as Snapshot;
  const { meta } = snap.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
    meta.node_fields.indexOf(f),
  ) as [number, number, number, number];
  const [eTypeAt, eNameAt, eToAt] = ['type', 'name_or_index', 'to_node'].map((f) =>
    meta.edge_fields.indexOf(f),
  ) as [number, number, number];
  const { nodes, edges, strings } = snap;
  const count = nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i]! + nodes[i * nf + edgeCountAt]! * ef;
  const label = (i: number) => `${nodeTypes[nodes[i * nf + typeAt]!]} ${strings[nodes[i * nf + nameAt]!]}`;
  const edgeLabel = (e: number) => {
    const type = edgeTypes[edges[e + eTypeAt]!];
    const name = edges[e + eNameAt]!;
    return type === 'element' || type === 'hidden' ? `[${name}]` : String(strings[name]);
  };

  // Shortest strong path from the root (node 0): breadth first, weak edges left out.
  const parent = new Int32Array(count).fill(-1);
  const viaEdge = new Int32Array(count).fill(-1);
  parent[0] = 0;
  const queue = new Uint32Array(count);
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const i = queue[head++]!;
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += ef) {
      if (edgeTypes[edges[e + eTypeAt]!] === 'weak') continue;
      const to = edges[e + eToAt]! / nf;
      if (parent[to] !== -1) continue;
      parent[to] = i;
      viaEdge[to] = e;
      queue[tail++] = to;
    }
  }

  const kinds = new Map<string, { bytes: number; count: number }>();
  let totalBytes = 0;
  const order: number[] = [];
  for (let i = 0; i < count; i++) {
    const size = nodes[i * nf + sizeAt]!;
    totalBytes += size;
    const kind = label(i).slice(0, 80);
    const k = kinds.get(kind) ?? { bytes: 0, count: 0 };
    k.bytes += size;
    k.count++;
    kinds.set(kind, k);
    order.push(i);
  }
  order.sort((a, b) => nodes[b * nf + sizeAt]! - nodes[a * nf + sizeAt]!);
  const largest = order.slice(0, top).map((i) => {
    const steps: string[] = [];
    for (let at = i, hops = 0; at !== 0 && parent[at]! >= 0 && hops < 30; at = parent[at]!, hops++) {
      steps.push(`${label(parent[at]!).slice(0, 60)} .${edgeLabel(viaEdge[at]!)}`);
    }
    return { node: label(i).slice(0, 80), bytes: nodes[i * nf + sizeAt]!, path: steps.reverse().join(' → ') };
  });
  return {
    totalBytes,
    kinds: [...kinds.entries()]
      .map(([kind, v]) => ({ kind, ...v }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, top),
    largest,
  };
}

export function heapTable(summary: HeapSummary): string {
  const mb = (n: number) => (n / 1e6).toFixed(1).padStart(7);
  return [
    `heap snapshot: ${mb(summary.totalBytes)} MB in all (self sizes; ArrayBuffer contents count as their backing stores)`,
    'largest kinds of object:',
    ...summary.kinds.map((k) => `  ${mb(k.bytes)} MB  ${String(k.count).padStart(8)} × ${k.kind}`),
    'largest objects and what keeps them:',
    ...summary.largest.map((l) => `  ${mb(l.bytes)} MB  ${l.node}\n             ${l.path}`),
  ].join('\n');
}
