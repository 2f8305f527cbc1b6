/**
 * One tab per opened archive; each keeps its state in the worker until closed. A file that could
 * not be read keeps its tab (with the reason) until closed: the archives opened before it stay.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { closeArchive } from '../../queries/close-archive';
import { useStore } from '../../state/store';

export function ArchiveTabs() {
  const { t } = useTranslation();
  const archives = useStore((s) => s.archives);
  const activeArchiveId = useStore((s) => s.activeArchiveId);
  const showArchive = useStore((s) => s.showArchive);
  const queryClient = useQueryClient();
  if (archives.length < 2) return null;
  const close = (archiveId: string) => closeArchive(queryClient, archiveId);
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
