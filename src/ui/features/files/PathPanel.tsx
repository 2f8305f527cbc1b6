/** One path: its history through the layers (with the build step) and its contents at the shown layer. */
import type { HistoryStep } from '../../../protocol/messages';
import { useTranslation } from 'react-i18next';
import { displayCreatedBy, formatPermissions } from '../../../protocol/format';
import { useFormat } from '../../i18n/use-format';
import { usePathHistory, type ImageRef } from '../../queries/use-files';
import { useStore } from '../../state/store';
import { FileContentView } from './FileContentView';
import { OwnerLine } from './OwnerLine';
import { ErrorMessage } from '../../i18n/ErrorMessage';

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
  const { t } = useTranslation();
  const format = useFormat();
  const events = usePathHistory(image, path);
  const setLayer = useStore((s) => s.setLayer);
  const select = useStore((s) => s.selectPath);
  const present = events.data?.filter((e) => e.layer <= layer).at(-1);
  return (
    <aside className="panel path-panel" aria-label={t('path.label')}>
      <div className="path-panel__head">
        <h2>{t('path.label')}</h2>
        <button type="button" className="link" onClick={() => select(null)} aria-label={t('path.close')}>
          ×
        </button>
      </div>
      <code className="wrap path-panel__path">{path}</code>
      <OwnerLine image={image} path={path} />
      <h3>{t('path.history')}</h3>
      {events.isPending && <p className="muted">{t('common.reading')}</p>}
      {events.error && <ErrorMessage error={events.error} />}
      <ol className="path-history" aria-label={t('path.historyLabel')}>
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
            <span className={`change change--${e.change}`}>{t(`files.change.${e.change}`)}</span>
            {e.details.length > 0 && (
              <span className="muted"> [{format.list(e.details.map((d) => t(`changeDetails.${d}`)))}]</span>
            )}{' '}
            <code>{formatPermissions(e.kind, e.mode)}</code> {e.uid}:{e.gid}{' '}
            {e.kind === 'file' ? format.size(e.size) : ''}
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
          <h3>{t('path.contentsAt', { layer: `L${layer}` })}</h3>
          <FileContentView image={image} layer={layer} path={path} />
        </>
      ) : present?.change === 'removed' ? (
        <p className="muted">{t('path.removed', { layer: `L${layer}` })}</p>
      ) : null}
    </aside>
  );
}
