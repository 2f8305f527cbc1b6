/**
 * The image's library linkage, as its own loader would resolve it: computed once per image (after one
 * decoding pass that keeps what ELF reads need), laid out, and owned by packages where a database says so.
 */
import {
  blastRadius,
  buildOwnerIndex,
  describeImage,
  formatLdd,
  lddExitCode,
  readPackageDbs,
  resolveLinkGraph,
  type ArchiveSession,
  type ImageRecord,
  resolveLoad,
  type ImageFs,
  type LinkGraph,
  type LoaderSettings,
  type OwnerIndex,
} from '../core';
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { BlastImage, GraphData, GraphNode, LddView, LinkageRequest } from '../protocol/linkage';
import { layoutGraph } from './graph-layout';

interface Computed {
  readonly data: GraphData;
  readonly graph: LinkGraph;
  readonly fs: ImageFs;
  readonly settings: LoaderSettings;
  readonly owners: OwnerIndex | null;
}

/** The loader's view of the image config: Env (LD_LIBRARY_PATH, LD_PRELOAD) and WorkingDir. */
export function settingsOf(image: ImageRecord) {
  const env = Array.isArray(image.config.Env)
    ? image.config.Env.filter((e): e is string => typeof e === 'string')
    : [];
  const workingDir =
    typeof image.config.WorkingDir === 'string' && image.config.WorkingDir !== ''
      ? image.config.WorkingDir
      : '/';
  return { env, workingDir };
}

export class LinkageHandler {
  private readonly cache = new Map<string, Promise<Computed>>();

  constructor(private readonly session: (archiveId: string) => ArchiveSession) {}

  private compute(archiveId: string, imageKey: string, layer: number | null = null): Promise<Computed> {
    const key = `${archiveId}|${imageKey}|${layer ?? 'top'}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.build(archiveId, imageKey, layer);
      this.cache.set(key, hit);
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }

  private async build(archiveId: string, imageKey: string, at: number | null): Promise<Computed> {
    const session = this.session(archiveId);
    const image = session.image(imageKey);
    await session.indexImage(image);
    await session.warmContents(image);
    const stack = session.layerStack(image);
    const layer = at === null ? stack.topLayer : Math.max(0, Math.min(at, stack.topLayer));
    const fs = stack.imageFs(layer, (l, e, o, n) => session.readEntry(image, l, e, o, n));
    const t0 = Date.now();
    const settings = settingsOf(image);
    const graph = await resolveLinkGraph(fs, settings);
    const resolveMs = Date.now() - t0;
    let owners: OwnerIndex | null = null;
    const problems: string[] = [];
    try {
      const { dbs } = await readPackageDbs(fs, { sqlite: { locateFile: () => sqlWasmUrl } });
      if (dbs.length > 0) owners = await buildOwnerIndex(fs, dbs);
    } catch (error) {
      problems.push(
        `Package ownership is not shown: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const index = new Map<string, number>();
    const base: Omit<GraphNode, 'x' | 'y' | 'dependents'>[] = [];
    for (const node of graph.nodes) {
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
    const edges: { source: number; target: number; name: string; foundVia: string }[] = [];
    for (const e of graph.edges) {
      const source = index.get(e.from);
      const target = index.get(e.to);
      if (source !== undefined && target !== undefined)
        edges.push({ source, target, name: e.name, foundVia: e.foundVia });
    }
    // A name no candidate satisfied becomes its own red node, shared by everyone who needs it.
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
    const failures = new Map<string, number>();
    for (const load of graph.loads.values())
      for (const v of load.versions) if (!v.found) failures.set(v.file, (failures.get(v.file) ?? 0) + 1);
    const dependents = new Array<number>(base.length).fill(0);
    for (const e of edges) dependents[e.target]!++;
    const t1 = Date.now();
    const positions = layoutGraph(base.length, edges, dependents);
    // libc.so.6 and ld.so are runnable (they have an entry point), but what others load is a library here.
    const nodes: GraphNode[] = base.map((n, i) => ({
      ...n,
      kind: n.kind === 'exe' && n.soname !== null && dependents[i]! > 0 ? 'lib' : n.kind,
      dependents: dependents[i]!,
      versionFailures: failures.get(n.path) ?? 0,
      ...positions[i]!,
    }));
    return {
      graph,
      fs,
      settings,
      owners,
      data: {
        imageId: image.id,
        layer,
        nodes,
        edges,
        problems,
        timings: { resolve: resolveMs, layout: Date.now() - t1 },
      },
    };
  }

  /** The blast radius of a package or library in every image of every open archive. */
  async blast(
    query: string,
    sessions: ReadonlyMap<string, { session: ArchiveSession; fileName: string }>,
  ): Promise<BlastImage[]> {
    const out: BlastImage[] = [];
    for (const [archiveId, { session, fileName }] of sessions) {
      for (const image of session.info.images) {
        const { graph, owners } = await this.compute(archiveId, image.key);
        const radius = blastRadius(graph, owners, query);
        out.push({
          archiveId,
          fileName,
          imageKey: image.key,
          imageId: image.id,
          label: describeImage(image),
          match: radius.match,
          libraries: radius.libraries,
          dependents: radius.dependents.map((d) => ({
            path: d.path,
            kind: d.kind,
            via: d.via,
            owner: d.owner,
          })),
        });
      }
    }
    return out;
  }

  async run(request: Exclude<LinkageRequest, { type: 'blast-radius' }>): Promise<unknown> {
    const { data, graph, fs, settings } = await this.compute(
      request.archiveId,
      request.imageKey,
      request.layer,
    );
    if (request.type === 'link-graph') return data;
    // A library that some executable reached has no load of its own yet: ldd runs it as given.
    const load = graph.loads.get(request.path) ?? (await resolveLoad(fs, request.path, settings));
    const view: LddView = {
      path: request.path,
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
    return view;
  }
}
