/**
 * The linkage picture's pieces that live in the worker: Graphviz's WASM module (loaded once, while the first
 * image's layers are indexed on the layer workers, or else on the first picture), the picture source from the
 * computed graph (with the layer and package the graph data already knows for each file), and the title's facts.
 */
import {
  buildPicture,
  imageDisplayNames,
  pictureExports,
  pictureSource,
  type DotEngine,
  type ImageRecord,
  type LinkGraph,
  type PictureMeta,
  type PictureSource,
  writeSvg,
} from '../core';
import type { GraphData, LinkPicture, PictureAsk } from '../protocol/linkage';

let engine: Promise<DotEngine> | null = null;

export function dotEngine(): Promise<DotEngine> {
  engine ??= import('@hpcc-js/wasm-graphviz').then(async ({ Graphviz }) => {
    const gv = await Graphviz.load();
    return { layout: (dot: string) => gv.layout(dot, 'json', 'dot') };
  });
  return engine;
}

const sources = new WeakMap<GraphData, PictureSource>();

function linkPictureSource(graph: LinkGraph, data: GraphData): PictureSource {
  let source = sources.get(data);
  if (source === undefined) {
    const byPath = new Map(data.nodes.map((n) => [n.path, n]));
    source = pictureSource(graph, {
      layerOf: (path) => {
        const layer = byPath.get(path)?.layer;
        return layer === undefined || layer < 0 ? null : layer;
      },
      packageOf: (path) => byPath.get(path)?.pkg ?? null,
    });
    sources.set(data, source);
  }
  return source;
}

/** The strata version and today's date, for a picture's footer. */
export function footerFacts(): { version: string; date: string } {
  return {
    version: typeof __STRATA_VERSION__ === 'string' ? __STRATA_VERSION__ : 'dev',
    date: new Date().toISOString().slice(0, 10),
  };
}

export async function drawPicture(
  graph: LinkGraph,
  data: GraphData,
  image: ImageRecord,
  topLayer: number,
  request: PictureAsk,
): Promise<LinkPicture> {
  const source = linkPictureSource(graph, data);
  const t0 = Date.now();
  const built = buildPicture(source, request, await dotEngine());
  const layoutMs = Date.now() - t0;
  if (built === null)
    return { picture: null, exports: null, side: [], screenSvg: { light: '', dark: '' }, layoutMs };
  const root = source.objects.find((o) => o.key === request.focus);
  const meta: PictureMeta = {
    imageName: imageDisplayNames(image.rawNames).full[0] ?? null,
    imageId: image.id,
    layer: data.layer,
    topLayer,
    focus: root === undefined ? null : request.direction === 'loads' ? root.key : root.label,
    direction: root === undefined ? 'overview' : request.direction,
    edgeMode: request.edgeMode,
    colorBy: root === undefined ? 'package' : request.colorBy,
    ...footerFacts(),
    ...(request.words ? { words: request.words } : {}),
  };
  return {
    picture: built.picture,
    exports: pictureExports(built.picture, meta, built.side),
    side: built.side,
    screenSvg: {
      light: writeSvg(built.picture, meta, { theme: 'light' }),
      dark: writeSvg(built.picture, meta, { theme: 'dark' }),
    },
    layoutMs,
  };
}
