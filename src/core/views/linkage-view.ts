/**
 * The Linkage view's data: the image's library linkage as its own loader resolves it, as nodes and
 * edges, each node with the layer that put it there and its owning package. Names no candidate satisfied
 * become red "missing" nodes, and `ldd -v` for one file. The force layout of every object is its own step
 * (`forceLayout`): only the force-laid canvas needs it, and on thousands of objects it costs seconds the
 * grouped overview and the focused pictures should not wait for.
 */
import type { ImageRecord } from '../image/model';
import type { ImageFs } from '../model/image-fs';
import type { LayerStack } from '../layers';
import type { OwnerIndex } from '../packages/owner-index';
import { resolveLinkGraph, type LinkGraph } from '../linkage/link-graph';
import type { LinkProgress, LoaderSettings, LoadResult } from '../linkage/link-types';
import { dependentCounts } from '../linkage/graph-export';
import { formatLdd, lddExitCode } from '../linkage/format-ldd';
import { layoutGraph } from './force-layout';
import { throwIfAborted } from '../io/byte-source';

export interface GraphNode {
  readonly path: string;
  readonly kind: 'exe' | 'lib' | 'interpreter' | 'missing';
  readonly soname: string | null;
  /** Layer that put the file there; -1 for missing names. */
  readonly layer: number;
  /** Whether a later layer replaced this file (it was written more than once). */
  readonly replaced: boolean;
  /** Distinct files that load this one directly. */
  readonly dependents: number;
  /** Owning package, when a package database owns the file. */
  readonly pkg: string | null;
  /** A needed symbol version its providers lack (ldd's "version `X' not found"). */
  readonly versionFailures: number;
}

export interface GraphEdge {
  /** Indexes into nodes. */
  readonly source: number;
  readonly target: number;
  readonly name: string;
  readonly foundVia: string;
}

export interface GraphData {
  readonly imageId: string;
  /** The layer whose merged tree was resolved. */
  readonly layer: number;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly problems: readonly string[];
  /** Milliseconds spent resolving (the loader's emulation, owners and layers of each object). */
  readonly timings: { readonly resolve: number };
}

/** Force-layout positions of `GraphData.nodes`, by index, and the milliseconds the layout took. */
export interface GraphPositions {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly ms: number;
}

export interface LddReport {
  readonly path: string;
  /** What `LC_ALL=C ldd -v PATH` prints inside the image, without load addresses. */
  readonly text: string;
  readonly exitCode: number;
  readonly libraries: readonly {
    name: string;
    path: string | null;
    realPath: string | null;
    foundVia: string | null;
    neededBy: readonly string[];
  }[];
  readonly notes: readonly string[];
}

/** Positions for `count` nodes: the force layout by default; another layout plugs in here (`forceLayout`). */
export type GraphLayout = (
  count: number,
  edges: readonly { source: number; target: number }[],
  weights: readonly number[],
) => { x: number; y: number }[];

export interface LinkageInput {
  readonly image: ImageRecord;
  readonly stack: LayerStack;
  /** The layer whose merged tree `fs` is. */
  readonly layer: number;
  readonly fs: ImageFs;
  readonly owners: OwnerIndex | null;
  /** Sentences already known (package ownership not shown, …). */
  readonly problems: readonly string[];
  /** Stops the work between objects (the page's Cancel). */
  readonly signal?: AbortSignal;
  /** Called as objects are resolved. */
  readonly onProgress?: (progress: LinkProgress) => void;
}

export interface LinkageView {
  readonly data: GraphData;
  readonly graph: LinkGraph;
  readonly settings: LoaderSettings;
}

/** The image config's Env and WorkingDir: LD_LIBRARY_PATH, LD_PRELOAD and relative path elements use them. */
export function loaderSettings(image: ImageRecord): LoaderSettings {
  const env = image.config['Env'];
  const workingDir = image.config['WorkingDir'];
  return {
    env: Array.isArray(env) ? env.filter((e): e is string => typeof e === 'string') : [],
    workingDir: typeof workingDir === 'string' && workingDir !== '' ? workingDir : '/',
  };
}

type BaseNode = Omit<GraphNode, 'dependents'>;

export async function buildLinkageView(input: LinkageInput): Promise<LinkageView> {
  const { image, stack, layer, fs, owners } = input;
  const t0 = Date.now();
  const settings = loaderSettings(image);
  const graph = await resolveLinkGraph(fs, settings, {
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  const index = new Map<string, number>();
  const base: BaseNode[] = [];
  for (const node of graph.nodes) {
    throwIfAborted(input.signal);
    input.onProgress?.({ stage: 'owners', done: base.length, total: graph.nodes.length });
    index.set(node.path, base.length);
    const history = stack.history(node.path);
    base.push({
      path: node.path,
      kind: node.kind,
      soname: node.soname ?? null,
      layer: stack.stat(layer, node.path)?.layer ?? -1,
      // Written again by a later layer than the one shown, or more than once up to it.
      replaced: history.filter((h) => h.change !== 'removed').length > 1,
      pkg: owners ? ((await owners.ownerOf(node.path)).package?.name ?? null) : null,
      versionFailures: 0,
    });
  }
  const edges = linkEdges(graph, index, base);
  const failures = new Map<string, number>();
  for (const load of graph.loads.values())
    for (const v of load.versions) if (!v.found) failures.set(v.file, (failures.get(v.file) ?? 0) + 1);
  const counts = dependentCounts(edges.map((e) => ({ from: e.source, to: e.target })));
  const dependents = base.map((_, i) => counts.get(i) ?? 0);
  // libc.so.6 and ld.so are runnable (they have an entry point), but what others load is a library here.
  const nodes: GraphNode[] = base.map((n, i) => ({
    ...n,
    kind: n.kind === 'exe' && n.soname !== null && dependents[i]! > 0 ? 'lib' : n.kind,
    dependents: dependents[i]!,
    versionFailures: failures.get(n.path) ?? 0,
  }));
  return {
    graph,
    settings,
    data: {
      imageId: image.id,
      layer,
      nodes,
      edges,
      problems: input.problems,
      timings: { resolve: Date.now() - t0 },
    },
  };
}

/** The force layout of every object of `data` (or another layout), weighted by dependents. */
export function forceLayout(data: GraphData, layout: GraphLayout = layoutGraph): GraphPositions {
  const t0 = Date.now();
  const placed = layout(
    data.nodes.length,
    data.edges,
    data.nodes.map((n) => n.dependents),
  );
  const x = new Float32Array(placed.length);
  const y = new Float32Array(placed.length);
  placed.forEach((p, i) => {
    x[i] = p.x;
    y[i] = p.y;
  });
  return { x, y, ms: Date.now() - t0 };
}

/** Edges by node index; a name no candidate satisfied becomes its own red node, shared by everyone who needs it. */
function linkEdges(graph: LinkGraph, index: ReadonlyMap<string, number>, base: BaseNode[]): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const e of graph.edges) {
    const source = index.get(e.from);
    const target = index.get(e.to);
    if (source !== undefined && target !== undefined)
      edges.push({ source, target, name: e.name, foundVia: e.foundVia });
  }
  const missing = new Map<string, number>();
  for (const u of graph.unresolved) {
    const source = index.get(u.from);
    if (source === undefined) continue;
    let target = missing.get(u.name);
    if (target === undefined) {
      target = base.length;
      missing.set(u.name, target);
      base.push({
        path: u.name,
        kind: 'missing',
        soname: null,
        layer: -1,
        replaced: false,
        pkg: null,
        versionFailures: 0,
      });
    }
    edges.push({ source, target, name: u.name, foundVia: u.reason });
  }
  return edges;
}

/** `ldd -v` of one load, as the page shows it. */
export function lddView(path: string, load: LoadResult): LddReport {
  return {
    path,
    text: formatLdd(load, { verbose: true }),
    exitCode: lddExitCode(load),
    libraries: load.libraries.map((l) => ({
      name: l.name,
      path: l.path,
      realPath: l.realPath,
      foundVia: l.foundVia,
      neededBy: l.neededBy,
    })),
    notes: load.notes,
  };
}
