/**
 * Close an archive everywhere: its loads stop (the layer workers they hold are terminated), the worker
 * lets go of what it kept of an archive it finished opening (the layer indexes, a compressed archive's
 * decoded copy), and its tab goes.
 */
import type { QueryClient } from '@tanstack/react-query';
import { getClient } from '../../client';
import { useStore } from '../state/store';
import { queryKeys } from './keys';

export function closeArchive(queryClient: QueryClient, archiveId: string): void {
  // Loads stop first (the cancels reach the worker before the close), then the worker frees the archive.
  // The close is sent even for an archive that never finished opening, so the client forgets it too
  // (a worker failure is then never blamed on a tab the user already closed).
  void queryClient.cancelQueries({ queryKey: queryKeys.archive(archiveId) });
  void queryClient.cancelQueries({ queryKey: queryKeys.imageViews(archiveId) });
  void getClient()
    .request({ type: 'close', archiveId })
    .catch(() => undefined);
  queryClient.removeQueries({ queryKey: queryKeys.archive(archiveId) });
  queryClient.removeQueries({ queryKey: queryKeys.imageViews(archiveId) });
  useStore.getState().closeArchive(archiveId);
}
