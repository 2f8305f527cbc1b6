/** The parts of a valid name, with the parts the engine implied marked as such. */
import { useTranslation } from 'react-i18next';
import type { ValidReport } from '../../../protocol/messages';
import { phraseText } from '../../i18n/phrase-text';

function Part({ label, value, implied }: { label: string; value: string | null; implied: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={implied ? 'name-part name-part--implied' : 'name-part'}>
      <span className="name-part__label">{label}</span>
      <code className="name-part__value">{value ?? '—'}</code>
      {implied && <span className="name-part__note">{t('names.implied')}</span>}
    </div>
  );
}

export function NameParts({ report }: { report: ValidReport }) {
  const { t, i18n } = useTranslation();
  if (report.kind === 'id') {
    return (
      <p>
        {t('names.isId')} <code>{report.digest}</code>
      </p>
    );
  }
  const path = report.path ?? '';
  const slash = path.lastIndexOf('/');
  const namespace = slash >= 0 ? path.slice(0, slash) : null;
  const repository = slash >= 0 ? path.slice(slash + 1) : path;
  return (
    <div className="name-parts" aria-label={t('names.parts')}>
      <Part
        label={t('names.registry')}
        value={report.registry}
        implied={report.implied.includes('registry')}
      />
      <Part label={t('names.namespace')} value={namespace} implied={report.implied.includes('namespace')} />
      <Part label={t('names.repository')} value={repository} implied={false} />
      <Part
        label={report.digest ? t('names.digest') : t('names.tag')}
        value={report.digest ?? report.tag}
        implied={report.implied.includes('tag')}
      />
      {report.notes.map((n, i) => (
        <p key={n} className="muted">
          {phraseText(report.noteSentences[i] ?? n, t, i18n.language, n)}
        </p>
      ))}
    </div>
  );
}
