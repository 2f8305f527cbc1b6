/**
 * The archives whose worker failed (client/resilient-client.ts), and opening one again: its queries start
 * afresh under the same archive id, so the page's selections and links for it still apply.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { getClient, type ArchiveFailure } from '../../client';

export function useArchiveFailures(): readonly ArchiveFailure[] {
  const client = getClient();
  return useSyncExternalStore(client.subscribe, client.failed);
}

export function useReopenArchive(): (archiveId: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (archiveId: string) => {
      // Every key naming the archive (its views, a comparison with it) answers from the new worker.
      void queryClient.resetQueries({ predicate: (query) => query.queryKey.includes(archiveId) });
      getClient().retry(archiveId);
    },
    [queryClient],
  );
}
