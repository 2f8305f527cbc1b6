/** What each build step did to the installed packages: installed, removed, upgraded (or downgraded). */
import { useTranslation } from 'react-i18next';
import { displayCreatedBy } from '../../../protocol/format';
import type { ImageRef } from '../../queries/use-files';
import { usePackageLayers } from '../../queries/use-packages';
import { ErrorMessage } from '../../i18n/ErrorMessage';
import { useFormat } from '../../i18n/use-format';

export function PackageLayers({ image }: { image: ImageRef }) {
  const layers = usePackageLayers(image);
  const { t } = useTranslation();
  const format = useFormat();
  if (layers.isPending) return <p className="muted">{t('packages.layers.reading')}</p>;
  if (layers.error) return <ErrorMessage error={layers.error} />;
  const changed = layers.data.filter((l) => l.installed.length + l.removed.length + l.upgraded.length > 0);
  return (
    <section className="panel" aria-label={t('packages.layers.label')}>
      <h2>{t('packages.layers.title')}</h2>
      {changed.length === 0 && <p className="muted">{t('packages.layers.none')}</p>}
      <ol className="plain package-layers">
        {changed.map((l) => (
          <li key={l.index}>
            <div>
              <strong>L{l.index}</strong>{' '}
              <code className="muted" title={l.createdBy}>
                {displayCreatedBy(l.createdBy).slice(0, 120)}
              </code>{' '}
              <span className="muted">→ {t('packages.layers.count', { count: l.packageCount })}</span>
            </div>
            {l.installed.length > 0 && (
              <div>
                <span className="change change--added">
                  {t('packages.layers.installed', { count: l.installed.length })}
                </span>{' '}
                {format.list(l.installed)}
              </div>
            )}
            {l.upgraded.length > 0 && (
              <div>
                <span className="change change--modified">
                  {t(
                    l.upgraded.some((u) => u.direction === 'down')
                      ? 'packages.layers.changed'
                      : 'packages.layers.upgraded',
                    { count: l.upgraded.length },
                  )}
                </span>{' '}
                {format.list(
                  l.upgraded.map(
                    (u) =>
                      `${u.name} ${u.from} → ${u.to}${u.direction === 'down' ? t('packages.layers.downgrade') : ''}`,
                  ),
                )}
              </div>
            )}
            {l.removed.length > 0 && (
              <div>
                <span className="change change--removed">
                  {t('packages.layers.removed', { count: l.removed.length })}
                </span>{' '}
                {format.list(l.removed)}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
