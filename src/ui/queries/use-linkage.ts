/** The image's link graph (computed once in the worker) and ldd -v for one file. */
import { useQuery } from '@tanstack/react-query';
import { getClient } from '../../client';
import { useOpenArchivesKey } from '../state/store';
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
