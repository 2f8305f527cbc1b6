/** The picture's objects and links from a resolved LinkGraph, with each file's layer and package. */
import type { LinkGraph } from '../link-graph';
import type { PictureKind, PictureObject, PictureSource } from './picture-types';

export interface SourceContext {
  readonly layerOf?: (path: string) => number | null;
  readonly packageOf?: (path: string) => string | null;
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1) || path;
}

/** The key of a name nothing provided: one node per name, shared by every object that needs it. */
export function missingKey(name: string): string {
  return `missing:${name}`;
}

export function pictureSource(graph: LinkGraph, context: SourceContext = {}): PictureSource {
  const loaded = new Set(graph.edges.map((e) => e.to));
  const objects: PictureObject[] = graph.nodes.map((n) => {
    // libc.so.6 and ld.so have an entry point, but what others load is a library here.
    const kind: PictureKind =
      n.kind === 'exe' && n.soname !== undefined && loaded.has(n.path) ? 'lib' : n.kind;
    return {
      key: n.path,
      label: kind === 'exe' ? basename(n.path) : (n.soname ?? basename(n.path)),
      kind,
      layer: context.layerOf?.(n.path) ?? null,
      pkg: context.packageOf?.(n.path) ?? null,
    };
  });
  const links = graph.edges.map((e) => ({ from: e.from, to: e.to }));
  // The program's PT_INTERP: the kernel maps the loader before any DT_NEEDED, so it is drawn as a load too.
  const paths = new Set(graph.nodes.map((n) => n.path));
  for (const load of graph.loads.values()) {
    const from = load.realPath ?? load.path;
    for (const lib of load.libraries) {
      if (lib.kind === 'interpreter' && lib.realPath !== null && paths.has(from) && paths.has(lib.realPath))
        links.push({ from, to: lib.realPath });
    }
  }
  const missing = new Set<string>();
  for (const u of graph.unresolved) {
    const key = missingKey(u.name);
    if (!missing.has(key)) {
      missing.add(key);
      objects.push({ key, label: u.name, kind: 'missing', layer: null, pkg: null });
    }
    links.push({ from: u.from, to: key });
  }
  return { objects, links };
}
