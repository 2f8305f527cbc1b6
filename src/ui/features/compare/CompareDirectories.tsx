/**
 * Where the files changed: the JSON's files.byDirectory as a table (largest net bytes first), and the list of
 * changed files under it, the largest of all directories until a directory is picked, then that directory's.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareReport } from '../../../protocol/compare';
import { useFormat } from '../../i18n/use-format';

export function CompareDirectories({ report }: { report: CompareReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [picked, setPicked] = useState<string | null>(null);
  const directories = report.result.files.byDirectory;
  const listing = picked === null ? undefined : report.directoryFiles[picked];
  const files = listing?.files ?? report.result.files.largest;
  const signed = (n: number) =>
    n === 0 ? format.size(0) : `${n > 0 ? '+' : '−'}${format.size(Math.abs(n))}`;
  const title = t('compareDirectories.title');
  if (directories.length === 0) return null;
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      <table className="plain-table" aria-label={t('compareDirectories.table')}>
        <thead>
          <tr>
            <th>{t('compareDirectories.directory')}</th>
            <th>{t('files.change.added')}</th>
            <th>{t('files.change.modified')}</th>
            <th>{t('files.change.removed')}</th>
            <th>{t('compareDirectories.bytes')}</th>
          </tr>
        </thead>
        <tbody>
          {directories.map((d) => (
            <tr key={d.path}>
              <td>
                <button
                  type="button"
                  className="link row-button"
                  aria-pressed={picked === d.path}
                  onClick={() => setPicked(picked === d.path ? null : d.path)}
                >
                  <code>{d.path}</code>
                </button>
              </td>
              <td>{format.count(d.added)}</td>
              <td>{format.count(d.modified)}</td>
              <td>{format.count(d.removed)}</td>
              <td>{signed(d.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="compare__files-heading">
        {picked === null
          ? t('compareDirectories.largest')
          : t('compareDirectories.filesIn', { directory: picked })}
        {picked !== null && (
          <>
            {' '}
            <button type="button" className="link" onClick={() => setPicked(null)}>
              {t('compareDirectories.all')}
            </button>
          </>
        )}
      </h3>
      <table className="plain-table" aria-label={t('compareDirectories.files')}>
        <thead>
          <tr>
            <th>{t('compareDirectories.path')}</th>
            <th>{t('compareDirectories.change')}</th>
            <th>{t('compareDirectories.size')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.path}>
              <td>
                <code>{f.path}</code>
              </td>
              <td>{t(`files.change.${f.change}`)}</td>
              <td>{format.size(f.size)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {listing && listing.total > listing.files.length && (
        <p className="muted">
          {t('compareDirectories.more', {
            shown: format.count(listing.files.length),
            total: format.count(listing.total),
          })}
        </p>
      )}
    </section>
  );
}
