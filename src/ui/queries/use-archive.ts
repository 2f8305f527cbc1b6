/**
 * Opening a dropped file and indexing the shown image, as queries: data of one dropped file never
 * changes (staleTime Infinity), and a cancelled query aborts the worker's work through its signal.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getClient } from '../../client';
import type { ArchiveSummary, ImageOverview } from '../../protocol/messages';
import { useStore, type OpenedArchive } from '../state/store';
import { queryKeys } from './keys';
import { throttleLatest } from './throttle-progress';

export function useArchive(opened: OpenedArchive | undefined) {
  const setProgress = useStore((s) => s.setProgress);
  return useQuery({
    queryKey: queryKeys.archive(opened?.archiveId ?? 'none'),
    enabled: opened !== undefined,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    queryFn: ({ signal }) => {
      const shown = throttleLatest(setProgress);
      return getClient()
        .request(
          // The page names the archive: the worker keeps it under the same id.
          { type: 'open', archiveId: opened!.archiveId, file: opened!.file, name: opened!.file.name },
          { signal, onProgress: (progress) => shown.push(progress) },
        )
        .finally(shown.flush);
    },
  });
}

export function useImageView(
  opened: OpenedArchive | undefined,
  archive: ArchiveSummary | undefined,
  imageKey: string | null,
) {
  const setProgress = useStore((s) => s.setProgress);
  const queryClient = useQueryClient();
  const key = queryKeys.imageView(opened?.archiveId ?? 'none', imageKey ?? 'none');
  return useQuery<ImageOverview>({
    queryKey: key,
    enabled: archive !== undefined && imageKey !== null,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    // Each fresh view replaces the last; comparing them deeply costs seconds for a config of 40,000 entries.
    structuralSharing: false,
    queryFn: ({ signal }) => {
      const shown = throttleLatest(setProgress);
      return getClient()
        .request(
          { type: 'index-image', archiveId: archive!.archiveId, imageKey: imageKey! },
          {
            signal,
            onProgress: (progress) => {
              // A fresh view comes when a layer finished: its row and the figures change together.
              shown.push(progress, progress.view !== undefined);
              // Rows appear at once and fill in as each layer finishes.
              if (progress.view) queryClient.setQueryData(key, progress.view);
            },
          },
        )
        .finally(shown.flush);
    },
  });
}
