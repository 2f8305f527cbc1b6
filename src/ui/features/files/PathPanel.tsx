/** One path: its history through the layers (with the build step) and its contents at the shown layer. */
import type { HistoryStep } from '../../../protocol/messages';
import { displayCreatedBy, formatPermissions, formatSize } from '../../../protocol/format';
import { usePathHistory, type ImageRef } from '../../queries/use-files';
import { useStore } from '../../state/store';
import { FileContentView } from './FileContentView';
import { OwnerLine } from './OwnerLine';

export function PathPanel({
  image,
  layer,
  path,
}: {
  image: ImageRef;
  layer: number;
  path: string;
  history: readonly HistoryStep[];
}) {
  const events = usePathHistory(image, path);
  const setLayer = useStore((s) => s.setLayer);
  const select = useStore((s) => s.selectPath);
  const present = events.data?.filter((e) => e.layer <= layer).at(-1);
  return (
    <aside className="panel path-panel" aria-label="Path">
      <div className="path-panel__head">
        <h2>Path</h2>
        <button type="button" className="link" onClick={() => select(null)} aria-label="Close path panel">
          ×
        </button>
      </div>
      <code className="wrap path-panel__path">{path}</code>
      <OwnerLine image={image} path={path} />
      <h3>History</h3>
      {events.isPending && <p className="muted">Reading…</p>}
      {events.error && <p className="error-text">{events.error.message}</p>}
      <ol className="path-history" aria-label="Path history">
        {events.data?.map((e) => (
          <li key={`${e.layer}-${e.change}`} className={e.layer === layer ? 'path-history__here' : ''}>
            <button
              type="button"
              className="link"
              onClick={() => {
                setLayer(e.layer);
                select(path);
              }}
            >
              L{e.layer}
            </button>{' '}
            <span className={`change change--${e.change}`}>{e.change}</span>
            {e.details.length > 0 && <span className="muted"> [{e.details.join(', ')}]</span>}{' '}
            <code>{formatPermissions(e.kind, e.mode)}</code> {e.uid}:{e.gid}{' '}
            {e.kind === 'file' ? formatSize(e.size) : ''}
            <div className="muted path-history__step" title={e.createdBy}>
              {displayCreatedBy(e.createdBy)}
            </div>
          </li>
        ))}
      </ol>
      {present &&
      present.change !== 'removed' &&
      (present.kind === 'file' || present.kind === 'hardlink' || present.kind === 'symlink') ? (
        <>
          <h3>Contents at L{layer}</h3>
          <FileContentView image={image} layer={layer} path={path} />
        </>
      ) : present?.change === 'removed' ? (
        <p className="muted">Removed at or before L{layer}.</p>
      ) : null}
    </aside>
  );
}
