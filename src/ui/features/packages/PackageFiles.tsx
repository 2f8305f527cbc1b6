/** The files one package owns; a click shows the file in the Files view. */
import { useTranslation } from 'react-i18next';
import type { PackageRow } from '../../../protocol/packages';
import type { ImageRef } from '../../queries/use-files';
import { usePackageFiles } from '../../queries/use-packages';
import { useStore } from '../../state/store';

export function PackageFiles({
  image,
  pkg,
  onClose,
}: {
  image: ImageRef;
  pkg: PackageRow;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const files = usePackageFiles(image, pkg);
  const reveal = useStore((s) => s.revealPath);
  const setView = useStore((s) => s.setView);
  const setLayer = useStore((s) => s.setLayer);
  const setMode = useStore((s) => s.setFilesMode);
  return (
    <aside className="panel path-panel" aria-label={t('packages.filesOf', { name: pkg.name })}>
      <div className="path-panel__head">
        <h2>
          {pkg.name} <span className="muted">{pkg.version}</span>
        </h2>
        <button type="button" className="link" onClick={onClose} aria-label={t('packages.close')}>
          ×
        </button>
      </div>
      {files.isPending && <p className="muted">{t('common.reading')}</p>}
      <ul className="plain package-files">
        {files.data?.map((f) => (
          <li key={f}>
            <button
              type="button"
              className="link"
              onClick={() => {
                setLayer(null);
                setMode('merged');
                reveal(f);
                setView('files');
              }}
            >
              <code>{f}</code>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
