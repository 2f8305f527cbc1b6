/** Installed packages (rpm, dpkg, apk), read from the image's own databases: sortable, searchable, with files. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageRow } from '../../../protocol/packages';
import { formatList } from '../../i18n/format';
import { useFormat } from '../../i18n/use-format';
import { WarningLines } from '../../i18n/WarningLines';
import { useStore } from '../../state/store';
import { useRovingRows } from '../keyboard/use-roving-rows';
import { usePackageLicenses, usePackages } from '../../queries/use-packages';
import type { ImageRef } from '../../queries/use-files';
import { PackageFiles } from './PackageFiles';
import { BlastRadius } from './BlastRadius';
import { PackageLayers } from './PackageLayers';
import { fetchSbom } from '../../queries/use-packages';
import { downloadBlob } from '../download';
import './packages.css';
import { ErrorMessage } from '../../i18n/ErrorMessage';

type Key = 'name' | 'version' | 'installedSize' | 'fileCount';

export function PackagesView({ image }: { image: ImageRef }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = format.locale;
  const packages = usePackages(image);
  // Asked for after the list: dpkg's licences come from one copyright file per package.
  const licenses = usePackageLicenses(image, packages.isSuccess);
  const licenceOf = useMemo(() => {
    const names = new Map(
      (licenses.data?.packages ?? []).map(
        (p) => [keyOf(p), formatList(p.licenses, locale, 'plain')] as const,
      ),
    );
    return (p: PackageRow) => names.get(keyOf(p)) ?? p.license;
  }, [licenses.data, locale]);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: Key; down: boolean }>({ key: 'name', down: false });
  const openKey = useStore((s) => s.packageKey);
  const setOpenKey = useStore((s) => s.setPackageKey);
  const rows = useMemo(() => {
    const text = filter.trim().toLowerCase();
    const list = (packages.data?.packages ?? []).filter(
      (p) =>
        !text ||
        p.name.toLowerCase().includes(text) ||
        p.sourcePackage.toLowerCase().includes(text) ||
        licenceOf(p).toLowerCase().includes(text),
    );
    const dir = sort.down ? -1 : 1;
    return [...list].sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
  }, [packages.data, filter, sort, licenceOf]);
  const open = packages.data?.packages.find((p) => keyOf(p) === openKey) ?? null;
  const roving = useRovingRows(rows.length, 0);
  if (packages.isPending) return <p className="muted">{t('packages.reading')}</p>;
  if (packages.error) return <ErrorMessage error={packages.error} />;
  const data = packages.data;
  // The column shows only when some package has a licence (a free-form copyright file names none).
  const hasLicences = data.packages.some((p) => licenceOf(p) !== '');
  const header = (key: Key, label: string, numeric = false) => (
    <th
      className={numeric ? 'num' : ''}
      aria-sort={sort.key === key ? (sort.down ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        className="link"
        onClick={() => setSort((s) => ({ key, down: s.key === key ? !s.down : numeric }))}
      >
        {label}
        {sort.key === key ? (sort.down ? ' ▾' : ' ▴') : ''}
      </button>
    </th>
  );
  return (
    <div className="packages">
      <BlastRadius />
      <section className="panel packages__list" aria-labelledby="packages-heading">
        <div className="toolbar__row">
          <h2 id="packages-heading">{t('views.packages')}</h2>
          <span className="muted">
            {data.packages.length === 0
              ? t('packages.none')
              : t('packages.summary', {
                  count: data.packages.length,
                  n: format.count(data.packages.length),
                  managers: data.managers.join(' + '),
                  locations: format.list(data.locations),
                })}
          </span>
          <span className="toolbar__spacer" />
          <input
            type="search"
            aria-label={t('packages.search')}
            placeholder={hasLicences ? t('packages.placeholder') : t('packages.placeholderNoLicence')}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
          {data.packages.length > 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                void fetchSbom(image).then((text) =>
                  downloadBlob(
                    new Blob([text], { type: 'application/vnd.cyclonedx+json' }),
                    'strata-sbom.cdx.json',
                  ),
                )
              }
            >
              CycloneDX
            </button>
          )}
        </div>
        <WarningLines english={data.problems} said={data.problemSentences} />
        <table className="plain-table" aria-label={t('packages.table')}>
          <thead>
            <tr>
              {header('name', t('packages.name'))}
              {header('version', t('packages.version'))}
              <th>{t('packages.arch')}</th>
              <th>{t('packages.source')}</th>
              {hasLicences && <th>{t('packages.licence')}</th>}
              {header('installedSize', t('packages.size'), true)}
              {header('fileCount', t('packages.files'), true)}
            </tr>
          </thead>
          <tbody>
            {rows.map((p, i) => (
              <tr
                key={keyOf(p)}
                className={openKey === keyOf(p) ? 'row--open' : ''}
                onClick={() => setOpenKey(keyOf(p))}
              >
                <td>
                  <button
                    type="button"
                    className="link row-button"
                    aria-expanded={openKey === keyOf(p)}
                    {...roving.rowButton(i)}
                    onClick={(event) => {
                      event.stopPropagation();
                      setOpenKey(keyOf(p));
                    }}
                  >
                    <code>{p.name}</code>
                  </button>
                </td>
                <td>
                  <code>{p.version}</code>
                </td>
                <td>{p.arch}</td>
                <td>{p.sourcePackage}</td>
                {hasLicences && (
                  <td title={licenceOf(p)}>
                    <span className="packages__licence">{licenceOf(p)}</span>
                  </td>
                )}
                <td className="num">{format.size(p.installedSize)}</td>
                <td className="num">{format.count(p.fileCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {open && <PackageFiles image={image} pkg={open} onClose={() => setOpenKey(null)} />}
      <div className="packages__layers">
        <PackageLayers image={image} />
      </div>
    </div>
  );
}

function keyOf(p: { name: string; arch: string }): string {
  return `${p.name}:${p.arch}`;
}
