/** The image's link graph (computed once in the worker) and ldd -v for one file. */
import { useQuery } from '@tanstack/react-query';
import { getClient } from '../../client';
import { useOpenArchivesKey } from '../state/store';
import type { PictureAsk } from '../../protocol/linkage';
import { queryKeys } from './keys';
import type { ImageRef } from './use-files';

export function useLinkGraph(image: ImageRef, layer: number | null) {
  return useQuery({
    queryKey: queryKeys.linkGraph(image.archiveId, image.imageKey, layer),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'link-graph', archiveId: image.archiveId, imageKey: image.imageKey, layer },
        { signal },
      ),
  });
}

/** The laid-out picture around one object (or the grouped whole image), computed in the worker. */
export function useLinkPicture(image: ImageRef, ask: PictureAsk, enabled = true) {
  return useQuery({
    queryKey: queryKeys.linkPicture(image.archiveId, image.imageKey, JSON.stringify(ask)),
    enabled,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'link-picture', archiveId: image.archiveId, imageKey: image.imageKey, ...ask },
        { signal },
      ),
  });
}

export function useLdd(image: ImageRef, layer: number | null, path: string | null) {
  return useQuery({
    queryKey: queryKeys.ldd(image.archiveId, image.imageKey, layer, path ?? ''),
    enabled: path !== null,
    staleTime: Infinity,
    retry: false,
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'ldd', archiveId: image.archiveId, imageKey: image.imageKey, layer, path: path! },
        { signal },
      ),
  });
}

/** A package's or library's blast radius across every open image. */
export function useBlastRadius(query: string) {
  const open = useOpenArchivesKey();
  return useQuery({
    queryKey: queryKeys.blast(query, open),
    enabled: query.trim() !== '',
    staleTime: Infinity,
    retry: false,
    queryFn: ({ signal }) => getClient().request({ type: 'blast-radius', query: query.trim() }, { signal }),
  });
}
