/** One engine's reading of the name and what it finds among the open images. */
import { useTranslation } from 'react-i18next';
import type { EngineReading, ValidReport } from '../../../protocol/messages';
import { phraseText } from '../../i18n/phrase-text';

export function EngineAnswer({
  title,
  view,
  report,
  podman = false,
}: {
  title: string;
  view: EngineReading;
  report: ValidReport;
  podman?: boolean;
}) {
  // A search registry that is also the name's own registry yields the same candidate twice;
  // podman pulls each name once, so each is listed once, in first-seen order.
  const { t, i18n } = useTranslation();
  const candidates = [...new Set(view.candidates)];
  return (
    <section className="panel" aria-label={t('names.resolution', { engine: title })}>
      <h2>{title}</h2>
      <p>
        {view.normalized ? (
          <>
            {t('names.uses')} <code>{view.normalized}</code>
          </>
        ) : (
          <span className="muted">{t('names.noSingle')}</span>
        )}
      </p>
      {podman && candidates.length > 0 && (
        <>
          <h3>{t('names.tries')}</h3>
          <ol className="candidates">
            {candidates.map((c) => (
              <li key={c} className={view.matches.includes(c) ? 'candidates__hit' : ''}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <p className="muted">
            {phraseText(report.podmanPullSentence, t, i18n.language, report.podmanPull)}
          </p>
        </>
      )}
      <h3>{t('names.inOpen')}</h3>
      {view.matches.length > 0 ? (
        <p className="ok-text">
          {t('names.found')}{' '}
          {view.matches.map((m) => (
            <code key={m}>{m} </code>
          ))}
        </p>
      ) : (
        <p className="warn-text">{t('names.notFound')}</p>
      )}
      <ul className="explanation">
        {view.explanation.map((e, i) => (
          <li key={e}>{phraseText(view.explanationSentences[i] ?? e, t, i18n.language, e)}</li>
        ))}
      </ul>
    </section>
  );
}
