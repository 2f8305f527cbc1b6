/** Two open images compared in the worker (the CLI's JSON, its Markdown, the laid-out linkage change). */
import { useQuery } from '@tanstack/react-query';
import { getClient } from '../../client';
import { queryKeys } from './keys';
import type { ImageRef } from './use-files';

export function useCompare(oldImage: ImageRef | null, newImage: ImageRef | null) {
  return useQuery({
    queryKey: queryKeys.compare(
      oldImage?.archiveId ?? '',
      oldImage?.imageKey ?? '',
      newImage?.archiveId ?? '',
      newImage?.imageKey ?? '',
    ),
    enabled: oldImage !== null && newImage !== null,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
    queryFn: ({ signal }) =>
      getClient().request({ type: 'compare', old: oldImage!, new: newImage! }, { signal }),
  });
}
