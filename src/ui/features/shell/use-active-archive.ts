/**
 * The active file's archive and image view, and the app state derived from them, mirrored to
 * document.body.dataset.appState (the hook tests wait on: empty | loading | ready | error).
 */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useArchive, useImageView } from '../../queries/use-archive';
import { queryKeys } from '../../queries/keys';
import { useStore, type AppState } from '../../state/store';
import { RequestError } from '../../../client';

export function useActiveArchive() {
  const files = useStore((s) => s.files);
  const activeKey = useStore((s) => s.activeKey);
  const imageKeys = useStore((s) => s.imageKeys);
  const dropError = useStore((s) => s.error);
  const opened = files.find((f) => f.key === activeKey);
  const archive = useArchive(opened);
  const imageKey = opened
    ? (imageKeys[opened.key] ?? archive.data?.defaultImageKey ?? archive.data?.images[0]?.key ?? null)
    : null;
  const view = useImageView(opened, archive.data, imageKey);

  const error = archive.error ?? view.error;
  const cancelled = error instanceof RequestError && error.wire.code === 'cancelled';
  const appState: AppState = !opened
    ? dropError
      ? 'error'
      : 'empty'
    : error && !cancelled
      ? 'error'
      : archive.isPending || view.isFetching || !view.data?.complete
        ? 'loading'
        : 'ready';
  const message = !opened ? dropError : error && !cancelled ? error.message : null;

  useEffect(() => {
    document.body.dataset.appState = appState;
  }, [appState]);

  const queryClient = useQueryClient();
  const cancel = () => {
    if (!opened) return;
    void queryClient.cancelQueries({ queryKey: queryKeys.archive(opened.key) });
    if (imageKey) void queryClient.cancelQueries({ queryKey: queryKeys.imageView(opened.key, imageKey) });
    queryClient.removeQueries({ queryKey: queryKeys.archive(opened.key) });
    useStore.getState().closeFile(opened.key);
  };

  return { opened, archive: archive.data, imageKey, view: view.data, appState, message, cancel };
}
