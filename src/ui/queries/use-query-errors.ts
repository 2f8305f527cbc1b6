/**
 * Every failed request of a view, as it fails, for the page's live region: a view shows its error
 * where the data would have been, which a screen reader user would otherwise only find by looking.
 * The archive's and image's own failures are left out (the shell shows them in an alert), as are
 * cancellations (the user asked for them) and name resolution (it fails while the user types, and its
 * panel has an alert of its own).
 */
import { useEffect } from 'react';
import { CancelledError, useQueryClient, type QueryCacheNotifyEvent } from '@tanstack/react-query';
import { RequestError } from '../../client';
import { queryKeys } from './keys';

const SHOWN_ELSEWHERE: ReadonlySet<unknown> = new Set([
  queryKeys.archive('')[0],
  queryKeys.imageView('', '')[0],
  queryKeys.resolve('', 'docker', '', '')[0],
]);

function isCancellation(error: Error): boolean {
  return (
    error instanceof CancelledError ||
    error.name === 'AbortError' ||
    (error instanceof RequestError && error.wire.code === 'cancelled')
  );
}

export function useQueryErrors(onError: (error: Error) => void): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event: QueryCacheNotifyEvent) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const error: unknown = event.action.error;
        const key = event.query.queryKey as readonly unknown[];
        if (!(error instanceof Error) || SHOWN_ELSEWHERE.has(key[0]) || isCancellation(error)) return;
        onError(error);
      }),
    [queryClient, onError],
  );
}
