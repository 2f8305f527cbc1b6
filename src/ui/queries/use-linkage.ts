/** The image's link graph (computed once in the worker) and ldd -v for one file. */
import { useCallback, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getClient } from '../../client';
import { useOpenArchivesKey } from '../state/store';
import type { LinkProgress, PictureAsk } from '../../protocol/linkage';
import { queryKeys } from './keys';
import type { ImageRef } from './use-files';

/**
 * The whole image's linkage, with how far resolving it is and a `cancel` that stops the worker's work (the
 * query stays off until `enabled` again, so nothing restarts it behind the user's back).
 */
export function useLinkGraph(image: ImageRef, layer: number | null, enabled = true) {
  const [progress, setProgress] = useState<LinkProgress | null>(null);
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.linkGraph(image.archiveId, image.imageKey, layer),
    enabled,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
    queryFn: ({ signal }) => {
      setProgress(null);
      return getClient().request(
        { type: 'link-graph', archiveId: image.archiveId, imageKey: image.imageKey, layer },
        { signal, onProgress: (p) => setProgress(p.linkage ?? null) },
      );
    },
  });
  const [archiveId, imageKey] = [image.archiveId, image.imageKey];
  // The overview picture asked for meanwhile waits on the same resolving: both stop.
  const cancel = useCallback(
    () =>
      Promise.all([
        queryClient.cancelQueries({ queryKey: queryKeys.linkGraph(archiveId, imageKey, layer) }),
        queryClient.cancelQueries({ queryKey: queryKeys.linkPictures(archiveId, imageKey) }),
      ]),
    [queryClient, archiveId, imageKey, layer],
  );
  return { query, progress, cancel };
}

/** The force layout of every object, asked for only when the force-laid canvas is switched on. */
export function useLinkLayout(image: ImageRef, layer: number | null, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.linkLayout(image.archiveId, image.imageKey, layer),
    enabled,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'link-layout', archiveId: image.archiveId, imageKey: image.imageKey, layer },
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
