/**
 * Close an archive everywhere: its loads stop (the layer workers they hold are terminated), the worker
 * lets go of what it kept of an archive it finished opening (the layer indexes, a compressed archive's
 * decoded copy), and its tab goes.
 */
import type { QueryClient } from '@tanstack/react-query';
import { getClient } from '../../client';
import type { ArchiveSummary } from '../../protocol/messages';
import { useStore } from '../state/store';
import { queryKeys } from './keys';

export function closeArchive(queryClient: QueryClient, archiveId: string): void {
  // Loads stop first (the cancels reach the worker before the close), then the worker frees the archive;
  // only an archive the worker finished opening has anything there to free.
  const opened = queryClient.getQueryData<ArchiveSummary>(queryKeys.archive(archiveId)) !== undefined;
  void queryClient.cancelQueries({ queryKey: queryKeys.archive(archiveId) });
  void queryClient.cancelQueries({ queryKey: queryKeys.imageViews(archiveId) });
  if (opened) void getClient().request({ type: 'close', archiveId });
  queryClient.removeQueries({ queryKey: queryKeys.archive(archiveId) });
  queryClient.removeQueries({ queryKey: queryKeys.imageViews(archiveId) });
  useStore.getState().closeArchive(archiveId);
}
