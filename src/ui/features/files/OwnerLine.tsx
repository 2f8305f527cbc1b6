/** Which OS package owns a path (merged /usr resolved), as rpm -qf / dpkg -S would answer. */
import { useTranslation } from 'react-i18next';
import type { ImageRef } from '../../queries/use-files';
import { useOwner } from '../../queries/use-packages';

export function OwnerLine({ image, path }: { image: ImageRef; path: string }) {
  const { t } = useTranslation();
  const owner = useOwner(image, path);
  if (owner.isPending || owner.error) return null;
  const o = owner.data;
  return (
    <p className="owner-line" aria-label={t('owner.label')}>
      {o.owners.length === 0 ? (
        <span className="muted">{t('owner.none')}</span>
      ) : (
        <>
          {t('owner.ownedBy')}{' '}
          {o.owners.map((p) => (
            <code key={`${p.name}:${p.arch}`}>
              {p.name} {p.version} ({p.manager})
            </code>
          ))}
          {o.canonicalPath !== o.path && (
            <span className="muted"> {t('owner.as', { path: o.canonicalPath })}</span>
          )}
          {o.viaSymlink && <span className="muted"> ({t('owner.via', { target: o.viaSymlink })})</span>}
        </>
      )}
    </p>
  );
}
