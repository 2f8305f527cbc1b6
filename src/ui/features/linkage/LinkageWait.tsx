/**
 * While the worker resolves every ELF file of the image: which stage, how many objects of how many, and a
 * Cancel that stops the worker's work (the rest of the page stays usable); after a Cancel, a way to start again.
 */
import { useTranslation } from 'react-i18next';
import type { LinkProgress } from '../../../protocol/linkage';
import { useFormat } from '../../i18n/use-format';

export function LinkageWait({ progress, onCancel }: { progress: LinkProgress | null; onCancel: () => void }) {
  const { t } = useTranslation();
  const { count } = useFormat();
  const stage =
    progress === null
      ? t('linkageWork.stage.start')
      : t(`linkageWork.stage.${progress.stage}`, {
          done: count(progress.done),
          total: count(progress.total),
        });
  return (
    <div className="linkage-wait" role="status" aria-live="polite">
      <p className="muted">{t('linkageWork.resolving')}</p>
      <p data-testid="linkage-progress">{stage}</p>
      {progress !== null && progress.total > 0 && (
        <progress max={progress.total} value={progress.done} aria-label={t('linkageWork.progressLabel')} />
      )}
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('linkageWork.cancel')}
      </button>
    </div>
  );
}

export function LinkageCancelled({ onAgain }: { onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="linkage-wait" role="status">
      <p>{t('linkageWork.cancelled')}</p>
      <button type="button" className="button" onClick={onAgain}>
        {t('linkageWork.again')}
      </button>
    </div>
  );
}
