/**
 * When a package has a CVE: every library it ships, everything that loads one of them (directly or
 * through other libraries), in every open image, and so the images to rebuild — exportable.
 */
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { BlastImage } from '../../../protocol/linkage';
import { useBlastRadius } from '../../queries/use-linkage';
import { downloadBlob } from '../download';
import { ErrorMessage } from '../../i18n/ErrorMessage';

const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function toCsv(images: readonly BlastImage[]): string {
  const rows = [['archive', 'image', 'image_id', 'affected', 'file', 'kind', 'owner', 'via'].join(',')];
  for (const i of images) {
    if (i.dependents.length === 0)
      rows.push(
        [i.fileName, i.label, i.imageId, String(i.match !== null), '', '', '', ''].map(csvField).join(','),
      );
    for (const d of i.dependents)
      rows.push(
        [i.fileName, i.label, i.imageId, 'true', d.path, d.kind, d.owner ?? '', d.via.join(' > ')]
          .map(csvField)
          .join(','),
      );
  }
  return rows.join('\r\n') + '\r\n';
}

export function BlastRadius() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const result = useBlastRadius(query);
  const images = result.data ?? [];
  const rebuild = images.filter((i) => i.match !== null);
  return (
    <section className="panel blast" aria-label={t('blast.title')}>
      <h2>{t('blast.title')}</h2>
      <form
        className="toolbar__row"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(text);
        }}
      >
        <input
          type="search"
          aria-label={t('blast.input')}
          placeholder={t('blast.placeholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" className="button">
          {t('blast.find')}
        </button>
        {result.data && (
          <>
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                downloadBlob(
                  new Blob(
                    [
                      JSON.stringify(
                        { version: 1, query, images, rebuild: rebuild.map((i) => i.label) },
                        null,
                        2,
                      ),
                    ],
                    { type: 'application/json' },
                  ),
                  'strata-blast-radius.json',
                )
              }
            >
              {t('blast.json')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                downloadBlob(new Blob([toCsv(images)], { type: 'text/csv' }), 'strata-blast-radius.csv')
              }
            >
              {t('blast.csv')}
            </button>
          </>
        )}
      </form>
      {result.isFetching && <p className="muted">{t('blast.resolving')}</p>}
      {result.error && <ErrorMessage error={result.error} />}
      {result.data && (
        <>
          <p aria-label={t('blast.rebuildLabel')}>
            {rebuild.length === 0 ? (
              <span className="ok-text">{t('blast.none', { query })}</span>
            ) : (
              <>
                <strong className="warn-text">{t('blast.rebuild', { count: rebuild.length })}</strong>{' '}
                {rebuild.map((i) => i.label).join('; ')}
              </>
            )}
          </p>
          <ul className="plain blast__images">
            {images.map((i) => (
              <li key={`${i.archiveId}|${i.imageKey}`} className={i.match ? 'blast__hit' : ''}>
                <strong>{i.match ? t('blast.rebuildTag') : t('blast.unaffected')}</strong> {i.label}{' '}
                <span className="muted">({i.fileName})</span>
                {i.libraries.length > 0 && (
                  <div className="muted">
                    {t('blast.ships')}{' '}
                    {i.libraries.map((l) => (
                      <code key={l}>{l} </code>
                    ))}
                  </div>
                )}
                {i.dependents.length > 0 && (
                  <table className="plain-table">
                    <tbody>
                      {i.dependents.map((d) => (
                        <tr key={d.path}>
                          <td>
                            <code>{d.path}</code>
                          </td>
                          <td>{t(`blast.kind.${d.kind}`, { defaultValue: d.kind })}</td>
                          <td>{d.owner ?? <span className="muted">{t('blast.noPackage')}</span>}</td>
                          <td className="muted" title={d.via.join(' → ')}>
                            {t('blast.via', {
                              path: d.via.map((v) => v.slice(v.lastIndexOf('/') + 1)).join(' → '),
                            })}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
