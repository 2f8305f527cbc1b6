/**
 * The active file's archive and image view, and the app state derived from them, mirrored to
 * document.body.dataset.appState (the hook tests wait on: empty | loading | ready | error).
 */
import { useDeferredValue, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useArchive, useImageView } from '../../queries/use-archive';
import { closeArchive } from '../../queries/close-archive';
import { useStore } from '../../state/store';
import { RequestError } from '../../../client';
import { useArchiveFailures } from '../../queries/use-archive-failures';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';

/** What the page is doing, for the user and for tests. */
export type AppState = 'empty' | 'loading' | 'ready' | 'error';

export function useActiveArchive() {
  const opened = useStore((s) => s.archives.find((a) => a.archiveId === s.activeArchiveId));
  const picked = useStore((s) => (s.activeArchiveId === null ? undefined : s.imageKeys[s.activeArchiveId]));
  const dropError = useStore((s) => s.dropError);
  const { t, i18n } = useTranslation();
  // An archive the worker failed on asks nothing until it is opened again (ArchiveFailures says why).
  const failed = useArchiveFailures().some((f) => f.archiveId === opened?.archiveId);
  const archive = useArchive(failed ? undefined : opened);
  const imageKey = opened
    ? (picked ?? archive.data?.defaultImageKey ?? archive.data?.images[0]?.key ?? null)
    : null;
  const view = useImageView(opened, archive.data, imageKey);
  // A fresh view (one as each layer finishes) re-renders the whole workspace. Deferred, React renders it in
  // slices that let the browser paint and take input in between, not as one long task; the page is "ready" once
  // the complete view is on screen. A first view is not deferred: the Layers rows are what the user waits for,
  // and a deferred render restarts with every view that comes while it runs.
  // Before the first, the Layers rows come from the view the archive was opened with (layers not read yet).
  const deferred = useDeferredValue(view.data);
  const first = archive.data?.firstView;
  const shown = deferred ?? view.data ?? (first?.imageKey === imageKey ? first : undefined);

  const error = archive.error ?? view.error;
  const cancelled = error instanceof RequestError && error.wire.code === 'cancelled';
  const appState: AppState = !opened
    ? dropError
      ? 'error'
      : 'empty'
    : failed || (error && !cancelled)
      ? 'error'
      : archive.isPending || view.isFetching || !shown?.complete
        ? 'loading'
        : 'ready';
  const message = !opened
    ? dropError
    : error && !cancelled && !failed
      ? errorText(error, t, i18n.language)
      : null;

  useEffect(() => {
    document.body.dataset.appState = appState;
  }, [appState]);

  const queryClient = useQueryClient();
  const cancel = () => {
    if (opened) closeArchive(queryClient, opened.archiveId);
  };

  return { opened, archive: archive.data, imageKey, view: shown, appState, message, cancel };
}
