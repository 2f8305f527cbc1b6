/**
 * One tab per opened archive; each keeps its state in the worker until closed. A file that could
 * not be read keeps its tab (with the reason) until closed: the archives opened before it stay.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ArchiveSummary } from '../../../protocol/messages';
import { getClient } from '../../../client';
import { queryKeys } from '../../queries/keys';
import { useStore } from '../../state/store';

export function ArchiveTabs() {
  const { t } = useTranslation();
  const archives = useStore((s) => s.archives);
  const activeArchiveId = useStore((s) => s.activeArchiveId);
  const showArchive = useStore((s) => s.showArchive);
  const queryClient = useQueryClient();
  if (archives.length < 2) return null;
  const close = (archiveId: string) => {
    // Only an archive the worker finished opening has anything there to free.
    if (queryClient.getQueryData<ArchiveSummary>(queryKeys.archive(archiveId)))
      void getClient().request({ type: 'close', archiveId });
    void queryClient.cancelQueries({ queryKey: queryKeys.archive(archiveId) });
    queryClient.removeQueries({ queryKey: queryKeys.archive(archiveId) });
    useStore.getState().closeArchive(archiveId);
  };
  return (
    <nav className="tabs" aria-label={t('archives.label')}>
      {archives.map((a) => (
        <span key={a.archiveId} className={a.archiveId === activeArchiveId ? 'tab tab--active' : 'tab'}>
          <button
            type="button"
            className="tab__name"
            aria-current={a.archiveId === activeArchiveId}
            onClick={() => showArchive(a.archiveId)}
          >
            {a.file.name}
          </button>
          <button
            type="button"
            className="tab__close"
            aria-label={t('archives.close', { name: a.file.name })}
            onClick={() => close(a.archiveId)}
          >
            ×
          </button>
        </span>
      ))}
    </nav>
  );
}
