/** Which OS package owns a path (merged /usr resolved), as rpm -qf / dpkg -S would answer. */
import type { ImageRef } from '../../queries/use-files';
import { useOwner } from '../../queries/use-packages';

export function OwnerLine({ image, path }: { image: ImageRef; path: string }) {
  const owner = useOwner(image, path);
  if (owner.isPending || owner.error) return null;
  const o = owner.data;
  return (
    <p className="owner-line" aria-label="Owner">
      {o.owners.length === 0 ? (
        <span className="muted">No package owns this path.</span>
      ) : (
        <>
          Owned by{' '}
          {o.owners.map((p) => (
            <code key={`${p.name}:${p.arch}`}>
              {p.name} {p.version} ({p.manager})
            </code>
          ))}
          {o.canonicalPath !== o.path && <span className="muted"> as {o.canonicalPath}</span>}
          {o.viaSymlink && <span className="muted"> (the file the link points at, {o.viaSymlink})</span>}
        </>
      )}
    </p>
  );
}
