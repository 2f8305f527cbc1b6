/** The full record of one build step: command as stored, identities, compression, warnings. */
import { useTranslation } from 'react-i18next';
import type { HistoryStep } from '../../../protocol/messages';
import { sentenceText } from '../../i18n/error-text';
import { Time } from '../../i18n/Time';
import { useFormat } from '../../i18n/use-format';

export function LayerDetails({ row }: { row: HistoryStep }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <dl className="details">
      <dt>{t('layers.createdBy')}</dt>
      <dd>
        <pre className="scroll-region" tabIndex={0}>
          {row.createdBy || '—'}
        </pre>
      </dd>
      {row.created && (
        <>
          <dt>{t('layers.created')}</dt>
          <dd>
            <Time iso={row.created} exact />
          </dd>
        </>
      )}
      {row.author && (
        <>
          <dt>{t('layers.author')}</dt>
          <dd>{row.author}</dd>
        </>
      )}
      {row.emptyLayer ? (
        <>
          <dt>{t('layers.layer')}</dt>
          <dd>{t('layers.noLayer')}</dd>
        </>
      ) : (
        <>
          <dt>diff_id</dt>
          <dd>
            <code>{row.diffId ?? '—'}</code>
          </dd>
          <dt>{t('layers.digest')}</dt>
          <dd>
            <code>{row.digest ?? '—'}</code>
          </dd>
          <dt>{t('layers.compression')}</dt>
          <dd>
            {row.compression ?? '—'}
            {row.compressedSize !== null &&
              ` · ${t('layers.stored', { size: format.size(row.compressedSize), bytes: format.count(row.compressedSize) })}`}
          </dd>
          <dt>{t('layers.size')}</dt>
          <dd>
            {row.size === null
              ? '—'
              : t('layers.uncompressed', { size: format.size(row.size), bytes: format.count(row.size) })}
          </dd>
        </>
      )}
      {row.error && (
        <>
          <dt>{t('layers.error')}</dt>
          <dd className="error-text">{sentenceText(row.errorSentence, row.error, t, i18n.language)}</dd>
        </>
      )}
      {row.warnings.map((w, i) => (
        <WarningItem key={w} text={sentenceText(row.warningSentences[i], w, t, i18n.language)} />
      ))}
    </dl>
  );
}

function WarningItem({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t('layers.warning')}</dt>
      <dd className="warn-text">{text}</dd>
    </>
  );
}
