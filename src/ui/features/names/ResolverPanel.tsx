/**
 * How Docker and Podman read an image name: its parts with what was implied, each engine's answer,
 * Podman's candidates under an editable registries.conf, and whether (and why not) it matches an
 * image in the open archives. An invalid name says what is wrong and where.
 */
import { useTranslation } from 'react-i18next';
import { useDeferredValue, useState } from 'react';
import { DEFAULT_REGISTRIES_CONF_TEXT } from '../../../protocol/names';
import { useResolve } from '../../queries/use-names';
import { NameParts } from './NameParts';
import { EngineAnswer } from './EngineAnswer';
import './names.css';
import { ErrorMessage } from '../../i18n/ErrorMessage';
import { phraseText } from '../../i18n/phrase-text';

export function ResolverPanel({ initialName }: { initialName: string }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState(initialName);
  const [conf, setConf] = useState(DEFAULT_REGISTRIES_CONF_TEXT);
  const deferredName = useDeferredValue(name);
  const deferredConf = useDeferredValue(conf);
  const result = useResolve(deferredName, 'podman', deferredConf);
  const data = result.data;
  const report = data?.report;
  return (
    <div className="resolver">
      <section className="panel" aria-label={t('names.resolver')}>
        <h2>{t('names.resolve')}</h2>
        <input
          className="resolver__input"
          aria-label={t('names.imageName')}
          list="open-image-names"
          value={name}
          spellCheck={false}
          placeholder={t('names.placeholder')}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <datalist id="open-image-names">
          {data?.openNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        {result.error && <ErrorMessage error={result.error} />}
        {report && !report.valid && (
          <div role="alert" className="error-panel resolver__invalid">
            <strong>{t('names.invalid')}</strong>{' '}
            {phraseText(report.errorSentence, t, i18n.language, report.error)}
          </div>
        )}
        {report?.valid && <NameParts report={report} />}
      </section>
      {report?.valid && (
        <div className="resolver__engines">
          <EngineAnswer title="Docker" view={report.engines.docker} report={report} />
          <EngineAnswer title="Podman" view={report.engines.podman} report={report} podman />
        </div>
      )}
      <section className="panel" aria-label={t('names.conf')}>
        <h2>{t('names.confTitle')}</h2>
        <textarea
          aria-label={t('names.conf')}
          className="resolver__conf"
          spellCheck={false}
          value={conf}
          onChange={(e) => setConf(e.currentTarget.value)}
          rows={8}
        />
        {data?.confError && (
          <p className="error-text">
            {phraseText(data.confErrorSentence ?? data.confError, t, i18n.language, data.confError)}{' '}
            {t('names.confDefaults')}
          </p>
        )}
        <p className="muted">{t('names.confWhy')}</p>
      </section>
    </div>
  );
}
