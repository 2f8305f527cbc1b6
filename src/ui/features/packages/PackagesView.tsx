/** Installed packages (rpm, dpkg, apk), read from the image's own databases: sortable, searchable, with files. */
import { useMemo, useState } from 'react';
import type { PackageRow } from '../../../protocol/packages';
import { formatSize } from '../../../protocol/format';
import { usePackages } from '../../queries/use-packages';
import type { ImageRef } from '../../queries/use-files';
import { PackageFiles } from './PackageFiles';
import { BlastRadius } from './BlastRadius';
import { PackageLayers } from './PackageLayers';
import { fetchSbom } from '../../queries/use-packages';
import { downloadBlob } from '../download';
import './packages.css';

type Key = 'name' | 'version' | 'installedSize' | 'fileCount';

export function PackagesView({ image }: { image: ImageRef }) {
  const packages = usePackages(image);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: Key; down: boolean }>({ key: 'name', down: false });
  const [open, setOpen] = useState<PackageRow | null>(null);
  const rows = useMemo(() => {
    const text = filter.trim().toLowerCase();
    const list = (packages.data?.packages ?? []).filter(
      (p) =>
        !text ||
        p.name.toLowerCase().includes(text) ||
        p.sourcePackage.toLowerCase().includes(text) ||
        p.license.toLowerCase().includes(text),
    );
    const dir = sort.down ? -1 : 1;
    return [...list].sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
  }, [packages.data, filter, sort]);
  if (packages.isPending) return <p className="muted">Reading the package databases…</p>;
  if (packages.error) return <p className="error-text">{packages.error.message}</p>;
  const data = packages.data;
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
      <section className="panel packages__list" aria-label="Packages">
        <div className="toolbar__row">
          <h2>Packages</h2>
          <span className="muted">
            {data.packages.length === 0
              ? 'No package database found (rpm, dpkg or apk).'
              : `${data.packages.length.toLocaleString('en')} ${data.managers.join(' + ')} packages · ${data.locations.join(', ')}`}
          </span>
          <span className="toolbar__spacer" />
          <input
            type="search"
            aria-label="Search packages"
            placeholder="name, source or licence"
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
        {data.problems.map((p) => (
          <p key={p} className="warn-text">
            {p}
          </p>
        ))}
        <table className="plain-table" aria-label="Installed packages">
          <thead>
            <tr>
              {header('name', 'Name')}
              {header('version', 'Version')}
              <th>Arch</th>
              <th>Source</th>
              <th>Licence</th>
              {header('installedSize', 'Size', true)}
              {header('fileCount', 'Files', true)}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr
                key={`${p.name}:${p.arch}`}
                className={open?.name === p.name && open.arch === p.arch ? 'row--open' : ''}
                onClick={() => setOpen(p)}
              >
                <td>
                  <code>{p.name}</code>
                </td>
                <td>
                  <code>{p.version}</code>
                </td>
                <td>{p.arch}</td>
                <td>{p.sourcePackage}</td>
                <td title={p.license}>{p.license}</td>
                <td className="num">{formatSize(p.installedSize)}</td>
                <td className="num">{p.fileCount.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {open && <PackageFiles image={image} pkg={open} onClose={() => setOpen(null)} />}
      <div className="packages__layers">
        <PackageLayers image={image} />
      </div>
    </div>
  );
}
