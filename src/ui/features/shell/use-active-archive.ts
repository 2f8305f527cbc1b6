/**
 * The active file's archive and image view, and the app state derived from them, mirrored to
 * document.body.dataset.appState (the hook tests wait on: empty | loading | ready | error).
 */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useArchive, useImageView } from '../../queries/use-archive';
import { closeArchive } from '../../queries/close-archive';
import { useStore } from '../../state/store';
import { RequestError } from '../../../client';
import { useArchiveFailures } from '../../queries/use-archive-failures';

/** What the page is doing, for the user and for tests. */
export type AppState = 'empty' | 'loading' | 'ready' | 'error';

export function useActiveArchive() {
  const opened = useStore((s) => s.archives.find((a) => a.archiveId === s.activeArchiveId));
  const picked = useStore((s) => (s.activeArchiveId === null ? undefined : s.imageKeys[s.activeArchiveId]));
  const dropError = useStore((s) => s.dropError);
  // An archive the worker failed on asks nothing until it is opened again (ArchiveFailures says why).
  const failed = useArchiveFailures().some((f) => f.archiveId === opened?.archiveId);
  const archive = useArchive(failed ? undefined : opened);
  const imageKey = opened
    ? (picked ?? archive.data?.defaultImageKey ?? archive.data?.images[0]?.key ?? null)
    : null;
  const view = useImageView(opened, archive.data, imageKey);

  const error = archive.error ?? view.error;
  const cancelled = error instanceof RequestError && error.wire.code === 'cancelled';
  const appState: AppState = !opened
    ? dropError
      ? 'error'
      : 'empty'
    : failed || (error && !cancelled)
      ? 'error'
      : archive.isPending || view.isFetching || !view.data?.complete
        ? 'loading'
        : 'ready';
  const message = !opened ? dropError : error && !cancelled && !failed ? error.message : null;

  useEffect(() => {
    document.body.dataset.appState = appState;
  }, [appState]);

  const queryClient = useQueryClient();
  const cancel = () => {
    if (opened) closeArchive(queryClient, opened.archiveId);
  };

  return { opened, archive: archive.data, imageKey, view: view.data, appState, message, cancel };
}
