/**
 * The Files view's other answers: search hits, the history of one path through the layers, and a
 * file's bytes (symlinks followed inside the image).
 */
import { ArchiveError } from '../archive/archive-error';
import type { ImageRecord } from '../image/model';
import { SearchQueryError, type ChangeDetail, type LayerStack } from '../layers';
import type { ArchiveSession } from '../session/archive-session';
import { layerCreatedBy } from '../session/history-view';

export interface SearchMatch {
  readonly path: string;
  readonly kind: string;
  readonly size: number;
  readonly layer: number;
  readonly inFinal: boolean;
}

export interface SearchMatches {
  readonly hits: readonly SearchMatch[];
  readonly truncated: boolean;
}

export interface PathEvent {
  readonly layer: number;
  readonly change: 'added' | 'modified' | 'removed';
  readonly details: readonly ChangeDetail[];
  readonly kind: string;
  readonly size: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly linkTarget: string;
  readonly createdBy: string;
}

export interface FileContent {
  readonly path: string;
  /** The path after following symlinks inside the image. */
  readonly resolvedPath: string;
  readonly kind: string;
  readonly size: number;
  readonly offset: number;
  readonly bytes: Uint8Array;
}

export function searchView(
  stack: LayerStack,
  layer: number | 'all',
  query: { readonly text: string; readonly mode: 'substring' | 'glob' | 'regex' },
  limit: number,
): SearchMatches {
  try {
    const result = stack.search(layer, query, limit);
    return {
      hits: result.hits.map((h) => ({
        path: h.path,
        kind: h.node.kind,
        size: h.node.size,
        layer: h.node.layer,
        inFinal: h.inFinal,
      })),
      truncated: result.truncated,
    };
  } catch (error) {
    // A regex that does not compile is the user's input: say so as a sentence.
    if (error instanceof SearchQueryError) throw new ArchiveError('bad-metadata', error.message);
    throw error;
  }
}

export function pathHistory(stack: LayerStack, image: ImageRecord, path: string): PathEvent[] {
  return stack.history(path).map((e) => ({
    layer: e.layer,
    change: e.change,
    details: e.details,
    kind: e.node.kind,
    size: e.node.size,
    mode: e.node.mode,
    uid: e.node.uid,
    gid: e.node.gid,
    linkTarget: e.node.linkTarget,
    createdBy: layerCreatedBy(image, e.layer),
  }));
}

export async function readFileView(
  session: ArchiveSession,
  image: ImageRecord,
  request: {
    readonly layer: number;
    readonly path: string;
    readonly offset: number;
    readonly length: number;
  },
  signal?: AbortSignal,
): Promise<FileContent> {
  const fs = session
    .layerStack(image)
    .imageFs(request.layer, session.contentReader(image, signal ? { signal } : {}));
  const resolved = (await fs.realpath(request.path)) ?? request.path;
  const node = await fs.lstat(resolved);
  if (!node)
    throw ArchiveError.of('missing-blob', 'path-missing', { path: request.path, layer: request.layer });
  const empty = { path: request.path, resolvedPath: resolved, kind: node.kind, size: 0, offset: 0 };
  if (node.kind !== 'file' && node.kind !== 'hardlink') return { ...empty, bytes: new Uint8Array(0) };
  const bytes = (await fs.read(resolved, request.offset, request.length)) ?? new Uint8Array(0);
  return { ...empty, size: node.size, offset: request.offset, bytes };
}
