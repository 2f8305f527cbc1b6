/** Opening a dropped file, indexing an image with progress, its view and config lists, and closing. */
import {
  ArchiveSession,
  archiveSummary,
  configListPage,
  imageView,
  layerProgress,
  type CoreEnv,
  type LayerIndexer,
} from '../core';
import type { HandlerTable } from './handler-types';
import { dotEngine } from './picture-engine';
import { blobSource } from './web-env';

/** Progress without a fresh view is sent at most this often. */
const PROGRESS_INTERVAL_MS = 100;

export function archiveHandlers(
  env: CoreEnv,
  indexerFor?: (file: Blob) => LayerIndexer,
): HandlerTable<'open' | 'index-image' | 'image-view' | 'config-list' | 'close'> {
  return {
    async open({ archiveId, file, name }, { archives, signal, progress }) {
      const session = await ArchiveSession.open(blobSource(file, name), env, {
        signal,
        ...(indexerFor ? { indexer: indexerFor(file) } : {}),
        onProgress: (p) =>
          progress({ phase: 'scanning', bytesRead: p.bytesRead, totalBytes: p.totalBytes, layers: [] }),
      });
      archives.add(archiveId, name, session);
      return archiveSummary(session, { archiveId, fileName: name });
    },

    async 'index-image'(request, { archives, signal, progress }) {
      const { session, image } = archives.image(request);
      const totalBytes = session.pendingBytes(image);
      const start = session.bytesReadSoFar;
      let last = 0;
      const report = (withView: boolean) => {
        const now = Date.now();
        if (!withView && now - last < PROGRESS_INTERVAL_MS) return;
        last = now;
        progress({
          phase: 'indexing',
          bytesRead: session.bytesReadSoFar - start,
          totalBytes,
          layers: layerProgress(session, image),
          ...(withView ? { view: imageView(session, image, false) } : {}),
        });
      };
      report(true);
      // While the layer workers decode, this thread mostly waits: Graphviz's module for the Linkage picture
      // loads now, so a click on Linkage right after "ready" does not wait for it. A failed load is reported by
      // the picture that needs it.
      if (indexerFor) void dotEngine().catch(() => undefined);
      // The layer workers keep what the Linkage and Packages views read (the loader's byte ranges, package
      // databases) while they index, so those views do not decode a layer again.
      await session.indexImage(image, {
        signal,
        keepContents: true,
        onLayer: () => report(true),
        onBytes: () => report(false),
      });
      // A layer that kept nothing (past the session's bound, or indexed by the outer scan) is read once more
      // while the user looks at the layers, so those views' first paint does not wait for it. Nobody waits on
      // this; a view that needs it joins it.
      setTimeout(() => void session.warmContents(image).catch(() => undefined), 0);
      return imageView(session, image);
    },

    'image-view': (request, { archives }) => {
      const { session, image } = archives.image(request);
      return imageView(session, image);
    },

    'config-list': ({ list, offset, limit, ...target }, { archives }) =>
      configListPage(archives.image(target).image.config, list, offset, limit),

    close: ({ archiveId }, { archives }) => {
      archives.close(archiveId);
      return null;
    },
  };
}
