/**
 * The Files view's requests: all of it computed here from the layer stack the worker keeps; the
 * page receives pages and summaries only (docs/conventions.md#big-data-stays-in-the-worker).
 */
import {
  ArchiveError,
  ChangeTree,
  compareTrees,
  computeDiveFigures,
  contentKindOf,
  type ContentKind,
  mergedTreePage,
  SearchQueryError,
  type ArchiveSession,
  type ImageRecord,
} from '../core';
import type {
  FileContent,
  FilesRequest,
  PathEvent,
  SearchView,
  TreeResult,
  WasteView,
} from '../protocol/files';

export type SessionLookup = (archiveId: string) => ArchiveSession;

export class FilesHandler {
  private readonly trees = new Map<string, ChangeTree>();

  constructor(private readonly session: SessionLookup) {}

  private image(archiveId: string, imageKey: string): { session: ArchiveSession; image: ImageRecord } {
    const session = this.session(archiveId);
    return { session, image: session.image(imageKey) };
  }

  run(request: FilesRequest, signal: AbortSignal): unknown {
    const { session, image } = this.image(request.archiveId, request.imageKey);
    const stack = session.layerStack(image);
    switch (request.type) {
      case 'tree':
        return request.request.filter?.content?.length
          ? this.treeByContent(request, session, image)
          : this.tree(request, session, image);
      case 'search': {
        try {
          const result = stack.search(
            request.layer,
            { text: request.text, mode: request.mode },
            request.limit,
          );
          const view: SearchView = {
            hits: result.hits.map((h) => ({
              path: h.path,
              kind: h.node.kind,
              size: h.node.size,
              layer: h.node.layer,
              inFinal: h.inFinal,
            })),
            truncated: result.truncated,
          };
          return view;
        } catch (error) {
          if (error instanceof SearchQueryError) throw new ArchiveError('bad-metadata', error.message);
          throw error;
        }
      }
      case 'path-history':
        return stack.history(request.path).map((e): PathEvent => ({
          layer: e.layer,
          change: e.change,
          details: e.details,
          kind: e.node.kind,
          size: e.node.size,
          mode: e.node.mode,
          uid: e.node.uid,
          gid: e.node.gid,
          linkTarget: e.node.linkTarget,
          createdBy: createdByOf(image, e.layer),
        }));
      case 'read-file':
        return this.readFile(request, session, image, signal);
      case 'waste':
        return waste(session, image);
    }
  }

  private async tree(
    request: Extract<FilesRequest, { type: 'tree' }>,
    session: ArchiveSession,
    image: ImageRecord,
  ): Promise<TreeResult> {
    const stack = session.layerStack(image);
    const { scope } = request;
    if (scope.mode === 'merged') {
      // A directory absent at this layer (expanded at another one) is simply empty here.
      const page = mergedTreePage(stack, scope.layer, request.request) ?? {
        path: request.request.path,
        total: 0,
        offset: 0,
        rows: [],
      };
      return { page, counts: null };
    }
    const key = `${request.archiveId}|${request.imageKey}|${scope.from ?? scope.layer}|${scope.layer}|${scope.base ? `${scope.base.archiveId}|${scope.base.imageKey}` : ''}`;
    let tree = this.trees.get(key);
    if (!tree) {
      if (scope.base) {
        const base = this.image(scope.base.archiveId, scope.base.imageKey);
        // The base may be an image nobody has shown yet: index it first (its layers are shared when equal).
        await base.session.indexImage(base.image);
        tree = new ChangeTree(compareTrees(base.session.layerStack(base.image), stack));
      } else {
        tree = new ChangeTree(
          scope.from !== undefined && scope.from !== scope.layer
            ? stack.changesBetween(Math.min(scope.from, scope.layer), Math.max(scope.from, scope.layer))
            : stack.changes(scope.layer),
        );
      }
      if (this.trees.size > 16) this.trees.delete(this.trees.keys().next().value!);
      this.trees.set(key, tree);
    }
    return {
      page: tree.page(stack, scope.base ? stack.topLayer : scope.layer, request.request),
      counts: tree.counts,
    };
  }

  /**
   * A content filter (ELF, script, text) needs each file's first bytes: take the directory's whole
   * page without it, read the heads (one decoding pass per layer keeps them), filter, then page.
   */
  private async treeByContent(
    request: Extract<FilesRequest, { type: 'tree' }>,
    session: ArchiveSession,
    image: ImageRecord,
  ): Promise<TreeResult> {
    const { content, ...rest } = request.request.filter ?? {};
    const whole = await this.tree(
      {
        ...request,
        request: { ...request.request, offset: 0, limit: Number.MAX_SAFE_INTEGER, filter: rest },
      },
      session,
      image,
    );
    await session.warmContents(image);
    const stack = session.layerStack(image);
    const fs = stack.imageFs(request.scope.layer, (l, e, o, n) => session.readEntry(image, l, e, o, n));
    const kept = [];
    for (const row of whole.page.rows) {
      if (row.kind === 'dir' || row.change === 'removed') {
        kept.push(row);
        continue;
      }
      if (row.kind !== 'file' && row.kind !== 'hardlink') continue;
      const head = await fs.read(row.path, 0, 64);
      if (head && content?.includes(contentKindOf(head) as ContentKind)) kept.push(row);
    }
    const { offset, limit } = request.request;
    return {
      page: { ...whole.page, total: kept.length, offset, rows: kept.slice(offset, offset + limit) },
      counts: whole.counts,
    };
  }

  private async readFile(
    request: Extract<FilesRequest, { type: 'read-file' }>,
    session: ArchiveSession,
    image: ImageRecord,
    signal: AbortSignal,
  ): Promise<FileContent> {
    const stack = session.layerStack(image);
    const fs = stack.imageFs(request.layer, (layer, entry, offset, length) =>
      session.readEntry(image, layer, entry, offset, length, signal),
    );
    const resolved = (await fs.realpath(request.path)) ?? request.path;
    const node = await fs.lstat(resolved);
    if (!node)
      throw new ArchiveError('missing-blob', `${request.path} does not exist at layer ${request.layer}.`);
    if (node.kind !== 'file' && node.kind !== 'hardlink') {
      return {
        path: request.path,
        resolvedPath: resolved,
        kind: node.kind,
        size: 0,
        offset: 0,
        bytes: new Uint8Array(0),
      };
    }
    const bytes = (await fs.read(resolved, request.offset, request.length)) ?? new Uint8Array(0);
    return {
      path: request.path,
      resolvedPath: resolved,
      kind: node.kind,
      size: node.size,
      offset: request.offset,
      bytes,
    };
  }
}

function createdByOf(image: ImageRecord, layer: number): string {
  return image.history.find((h) => h.layerIndex === layer)?.createdBy ?? '';
}

function waste(session: ArchiveSession, image: ImageRecord): WasteView {
  const layers = image.layers.map((l) => session.status(l).index?.entries ?? []);
  const dive = computeDiveFigures(layers);
  const trueWaste = session.layerStack(image).trueWaste(50);
  return {
    efficiency: dive.efficiency,
    sizeBytes: dive.sizeBytes,
    userSizeBytes: dive.userSizeBytes,
    wastedBytes: dive.wastedBytes,
    userWastedPercent: dive.userWastedPercent,
    trueWastedBytes: trueWaste.trueWastedBytes,
    wastedWrittenBy: trueWaste.wastedWrittenBy,
    wastedHiddenBy: trueWaste.wastedHiddenBy,
    largest: trueWaste.largest,
    inefficiencies: dive.inefficiencies.slice(0, 50),
    createdBy: image.layers.map((l) => createdByOf(image, l.index)),
  };
}
