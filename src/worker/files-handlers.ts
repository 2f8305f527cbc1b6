/**
 * The Files and Waste views' requests: tree pages, search, path history, file contents, waste. The page
 * receives pages and summaries only (docs/conventions.md#big-data-stays-in-the-worker).
 */
import { pathHistory, readFileView, searchView, TreeViews } from '../core';
import type { HandlerTable } from './handler-types';
import type { OpenImage } from './open-archives';

const treeImage = ({ archiveId, image, session }: OpenImage) => ({
  id: `${archiveId}|${image.key}`,
  session,
  image,
});

export function filesHandlers(): HandlerTable<'tree' | 'search' | 'path-history' | 'read-file' | 'waste'> {
  const trees = new TreeViews();
  return {
    tree: ({ scope, request, ...target }, { archives }) => {
      const base = scope.base ? treeImage(archives.image(scope.base)) : undefined;
      return trees.page(treeImage(archives.image(target)), scope, request, base);
    },

    search: (request, { archives }) => {
      const { session, image } = archives.image(request);
      return searchView(
        session.layerStack(image),
        request.layer,
        { text: request.text, mode: request.mode },
        request.limit,
      );
    },

    'path-history': (request, { archives }) => {
      const { session, image } = archives.image(request);
      return pathHistory(session.layerStack(image), image, request.path);
    },

    'read-file': (request, { archives, signal }) => {
      const { session, image } = archives.image(request);
      return readFileView(session, image, request, signal);
    },

    waste: (request, { archives }) => {
      const { views, image } = archives.image(request);
      return views.waste(image);
    },
  };
}
