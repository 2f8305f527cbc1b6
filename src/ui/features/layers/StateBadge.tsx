/** A layer's reading state: verified, digest mismatch, failed, not included, or in progress. */
import { useTranslation } from 'react-i18next';
import type { HistoryStep } from '../../../protocol/messages';
import { sentenceText } from '../../i18n/error-text';

export function StateBadge({ row }: { row: HistoryStep }) {
  const { t, i18n } = useTranslation();
  if (row.emptyLayer) return null;
  const why = sentenceText(row.errorSentence, row.error ?? '', t, i18n.language);
  if (row.state === 'failed')
    return (
      <span className="badge badge--bad" title={why}>
        {t('layers.state.failed')}
      </span>
    );
  if (row.state === 'absent')
    return (
      <span className="badge badge--muted" title={why}>
        {t('layers.state.absent')}
      </span>
    );
  if (row.state === 'pending' || row.state === 'indexing')
    return (
      <span className="badge badge--muted">
        {row.state === 'indexing' ? t('layers.state.reading') : t('layers.state.waiting')}
      </span>
    );
  if (row.verified === false)
    return (
      <span
        className="badge badge--warn"
        title={row.warnings
          .map((w, i) => sentenceText(row.warningSentences[i], w, t, i18n.language))
          .join('\n')}
      >
        {t('layers.state.mismatch')}
      </span>
    );
  if (row.verified === true)
    return (
      <span className="badge badge--ok" title={t('layers.state.verifiedWhy')}>
        {t('layers.state.verified')}
      </span>
    );
  return <span className="badge badge--muted">{t('layers.state.read')}</span>;
}
