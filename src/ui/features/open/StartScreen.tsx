/** The empty page: what strata is, the sample one click away, and how to bring an image. */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { FileInput } from './DropTarget';
import { openSample } from './open-file';
import { ReopenLast } from './ReopenLast';
import { usePageTitle } from '../shell/use-page-title';
import './open.css';

export function StartScreen() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  // The page's own title in the chosen language, also after the last archive is closed.
  usePageTitle(null);
  return (
    <section className="start">
      <h1>{t('start.title')}</h1>
      <p className="start__lead">
        <Trans i18nKey="start.lead" components={{ code: <code /> }} />
      </p>
      <div className="start__actions">
        <button
          type="button"
          className="button"
          data-testid="open-sample"
          onClick={() => {
            openSample().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
          }}
        >
          {t('start.sample')}
        </button>
        <FileInput label={t('open.choose')} />
        <ReopenLast />
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <dl className="start__how">
        <dt>Docker</dt>
        <dd>
          <code>docker save -o image.tar nginx:latest</code>
        </dd>
        <dt>Podman</dt>
        <dd>
          <Trans
            i18nKey="start.podman"
            values={{ save: 'podman save -o image.tar localhost/app:1', flag: '--format oci-archive' }}
            components={{ code: <code /> }}
          />
        </dd>
        <dt>skopeo</dt>
        <dd>
          <code>skopeo copy docker://alpine oci-archive:alpine.tar</code>
        </dd>
      </dl>
    </section>
  );
}
