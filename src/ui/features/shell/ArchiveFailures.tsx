/**
 * Which open archive the page's worker failed on and why, one sentence each, with a button that opens it
 * again from the same file. The other archives were opened again in a new worker and stay as they were.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ArchiveFailure } from '../../../client';
import { useArchiveFailures, useReopenArchive } from '../../queries/use-archive-failures';
import { useStore } from '../../state/store';

function sentence(t: TFunction, { reason, name, detail }: ArchiveFailure): string {
  switch (reason) {
    case 'crashed':
      return t('archiveFailure.crashed', { name });
    case 'out-of-memory':
      return t('archiveFailure.outOfMemory', { name });
    case 'unresponsive':
      return t('archiveFailure.unresponsive', { name });
    case 'unreadable-reply':
      return t('archiveFailure.unreadableReply', { name });
    case 'reopen-failed':
      return t('archiveFailure.reopenFailed', { name, detail });
  }
}

export function ArchiveFailures() {
  const { t } = useTranslation();
  const archives = useStore((s) => s.archives);
  const activeArchiveId = useStore((s) => s.activeArchiveId);
  const showArchive = useStore((s) => s.showArchive);
  const reopen = useReopenArchive();
  // A failed archive whose tab was closed is gone for the user too.
  const failures = useArchiveFailures().filter((f) => archives.some((a) => a.archiveId === f.archiveId));
  return failures.map((failure) => (
    <div key={failure.archiveId} role="alert" className="error-panel">
      <p>{sentence(t, failure)}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          if (failure.archiveId !== activeArchiveId) showArchive(failure.archiveId);
          reopen(failure.archiveId);
        }}
      >
        {t('archiveFailure.reopen', { name: failure.name })}
      </button>
    </div>
  ));
}
