/** The Linkage view's requests: the image's graph, ldd -v of one file, the laid-out picture, the blast radius. */
import { blastRadius, describeImage, lddView, resolveLoad } from '../core';
import type { BlastImage, LinkProgress } from '../protocol/linkage';
import type { HandlerContext, HandlerTable } from './handler-types';
import { dotEngine, drawPicture } from './picture-engine';

/** Resolving progress as the page's progress events, at most one per animation-frame-ish interval. */
function linkProgress({ signal, progress }: HandlerContext) {
  let last = 0;
  return {
    signal,
    onProgress: (linkage: LinkProgress) => {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      progress({ phase: 'linkage', bytesRead: 0, totalBytes: 0, layers: [], linkage });
    },
  };
}

export function linkageHandlers(): HandlerTable<
  'link-graph' | 'link-layout' | 'ldd' | 'link-picture' | 'blast-radius'
> {
  return {
    'link-picture': async (request, context) => {
      const { views, image, session } = context.archives.image(request);
      // Graphviz's module loads while the linkage resolves, not after.
      void dotEngine();
      const { graph, data } = await views.linkage(image, request.layer, linkProgress(context));
      return drawPicture(graph, data, image, session.layerStack(image).topLayer, request);
    },

    'link-graph': async (request, context) => {
      const { views, image } = context.archives.image(request);
      return (await views.linkage(image, request.layer, linkProgress(context))).data;
    },

    'link-layout': async (request, { archives }) => {
      const { views, image } = archives.image(request);
      return views.forceLayout(image, request.layer);
    },

    ldd: async (request, { archives }) => {
      const { views, image } = archives.image(request);
      const { graph, fs, settings } = await views.linkage(image, request.layer);
      // A library that some executable reached has no load of its own yet: ldd runs it as given.
      const load = graph.loads.get(request.path) ?? (await resolveLoad(fs, request.path, settings));
      return lddView(request.path, load);
    },

    /** Every image of every open archive, whether or not it matches. */
    'blast-radius': async ({ query }, { archives }) => {
      const out: BlastImage[] = [];
      for (const { archiveId, fileName, session, views } of archives.all()) {
        for (const image of session.info.images) {
          const { graph, owners } = await views.linkage(image);
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
    },
  };
}
