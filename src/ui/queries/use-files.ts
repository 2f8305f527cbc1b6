/** The Files view's data, one query per page; data of a dropped image never changes. */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { getClient } from '../../client';
import type { TreeScope } from '../../protocol/files';
import type { ImageTarget, TreeRequest } from '../../protocol/messages';
import { queryKeys } from './keys';

/** One image of one opened archive, by the archive's id (the page's key for the dropped file). */
export type ImageRef = ImageTarget;

const forever = { staleTime: Infinity, gcTime: 5 * 60_000, retry: false } as const;

export function useTreePages(image: ImageRef, scope: TreeScope, requests: readonly TreeRequest[]) {
  return useQueries({
    queries: requests.map((request) => ({
      ...forever,
      // "Show more" asks for a longer page: keep the rows on screen until it arrives, so the list
      // keeps its height and its scroll position.
      placeholderData: keepPreviousData,
      queryKey: queryKeys.tree(image.archiveId, image.imageKey, scope, request),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        getClient().request(
          { type: 'tree', archiveId: image.archiveId, imageKey: image.imageKey, scope, request },
          { signal },
        ),
    })),
  });
}

export function useSearch(
  image: ImageRef,
  layer: number | 'all',
  text: string,
  mode: 'substring' | 'glob' | 'regex',
) {
  return useQuery({
    ...forever,
    enabled: text.trim() !== '',
    queryKey: queryKeys.search(image.archiveId, image.imageKey, layer, text, mode),
    queryFn: ({ signal }) =>
      getClient().request(
        {
          type: 'search',
          archiveId: image.archiveId,
          imageKey: image.imageKey,
          layer,
          text,
          mode,
          limit: 500,
        },
        { signal },
      ),
  });
}

export function usePathHistory(image: ImageRef, path: string | null) {
  return useQuery({
    ...forever,
    enabled: path !== null,
    queryKey: queryKeys.pathHistory(image.archiveId, image.imageKey, path ?? ''),
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'path-history', archiveId: image.archiveId, imageKey: image.imageKey, path: path! },
        { signal },
      ),
  });
}

export function useFileContent(image: ImageRef, layer: number, path: string | null, length: number) {
  return useQuery({
    ...forever,
    enabled: path !== null,
    queryKey: queryKeys.fileContent(image.archiveId, image.imageKey, layer, path ?? '', length),
    queryFn: ({ signal }) =>
      getClient().request(
        {
          type: 'read-file',
          archiveId: image.archiveId,
          imageKey: image.imageKey,
          layer,
          path: path!,
          offset: 0,
          length,
        },
        { signal },
      ),
  });
}

export function useWaste(image: ImageRef) {
  return useQuery({
    ...forever,
    queryKey: queryKeys.waste(image.archiveId, image.imageKey),
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'waste', archiveId: image.archiveId, imageKey: image.imageKey },
        { signal },
      ),
  });
}

/** Read a whole file in 8 MiB pieces, for a download; never more than one piece in flight. */
export async function readWholeFile(
  image: ImageRef,
  layer: number,
  path: string,
): Promise<{ parts: Uint8Array[]; size: number }> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    const piece = await getClient().request({
      type: 'read-file',
      archiveId: image.archiveId,
      imageKey: image.imageKey,
      layer,
      path,
      offset,
      length: 8 * 1024 * 1024,
    });
    if (piece.bytes.length > 0) parts.push(piece.bytes);
    offset += piece.bytes.length;
    if (piece.bytes.length === 0 || offset >= piece.size) return { parts, size: piece.size };
  }
}
