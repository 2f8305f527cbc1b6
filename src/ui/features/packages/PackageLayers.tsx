/** What each build step did to the installed packages: installed, removed, upgraded (or downgraded). */
import { displayCreatedBy } from '../../../protocol/format';
import type { ImageRef } from '../../queries/use-files';
import { usePackageLayers } from '../../queries/use-packages';

export function PackageLayers({ image }: { image: ImageRef }) {
  const layers = usePackageLayers(image);
  if (layers.isPending) return <p className="muted">Reading the databases of each layer…</p>;
  if (layers.error) return <p className="error-text">{layers.error.message}</p>;
  const changed = layers.data.filter((l) => l.installed.length + l.removed.length + l.upgraded.length > 0);
  return (
    <section className="panel" aria-label="Package changes by layer">
      <h2>By layer</h2>
      {changed.length === 0 && <p className="muted">No layer changed the installed packages.</p>}
      <ol className="plain package-layers">
        {changed.map((l) => (
          <li key={l.index}>
            <div>
              <strong>L{l.index}</strong>{' '}
              <code className="muted" title={l.createdBy}>
                {displayCreatedBy(l.createdBy).slice(0, 120)}
              </code>{' '}
              <span className="muted">→ {l.packageCount} packages</span>
            </div>
            {l.installed.length > 0 && (
              <div>
                <span className="change change--added">installed {l.installed.length}:</span>{' '}
                {l.installed.join(', ')}
              </div>
            )}
            {l.upgraded.length > 0 && (
              <div>
                <span className="change change--modified">
                  {l.upgraded.some((u) => u.direction === 'down') ? 'changed' : 'upgraded'}{' '}
                  {l.upgraded.length}:
                </span>{' '}
                {l.upgraded
                  .map((u) => `${u.name} ${u.from} → ${u.to}${u.direction === 'down' ? ' (downgrade)' : ''}`)
                  .join(', ')}
              </div>
            )}
            {l.removed.length > 0 && (
              <div>
                <span className="change change--removed">removed {l.removed.length}:</span>{' '}
                {l.removed.join(', ')}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
