/** Search, mode, layer, colour, labels; the whole graph's DOT and JSON, and a link that reopens the view. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphData } from '../../../protocol/linkage';
import { useStoreFields } from '../../state/store';
import type { CanvasApi } from './use-graph-canvas';
import type { Shown } from './subgraph';
import { SearchMatches } from './SearchMatches';
import { downloadBlob } from '../download';
import { graphDot, graphJson } from './graph-files';

export function LinkageToolbar({
  layerCount,
  data,
  shown,
  canvas,
  labels,
  onLabels,
  grouped,
  onGrouped,
}: {
  layerCount: number;
  data: GraphData;
  shown: Shown;
  /** The whole-image canvas, when it is what is shown. */
  canvas: CanvasApi | null;
  labels: boolean;
  onLabels: (on: boolean) => void;
  grouped: boolean;
  onGrouped: (on: boolean) => void;
}) {
  const s = useStoreFields((state) => ({
    layer: state.layer,
    linkageMode: state.linkageMode,
    linkageSelected: state.linkageSelected,
    colorBy: state.colorBy,
    linkageSearch: state.linkageSearch,
    setLayer: state.setLayer,
    setLinkageSelection: state.setLinkageSelection,
    setColorBy: state.setColorBy,
  }));
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const whole = s.linkageMode === 'all' || s.linkageSelected === null;
  const fileBase = `${data.imageId.replace(/^sha256:/, '').slice(0, 12)}-linkage`;
  const share = () => {
    // The page's URL already says where the user is (src/ui/url: the image, the view, the layer, the Linkage
    // selection, mode, colours and search), so the link to share is the page's own.
    const url = window.location.href;
    // The clipboard exists only in secure contexts (https, localhost).
    if ('clipboard' in navigator) void navigator.clipboard.writeText(url).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <div className="toolbar">
      <div className="toolbar__row">
        <SearchMatches data={data} />
        <div className="segmented" role="group" aria-label={t('linkage.mode')}>
          <button
            type="button"
            aria-pressed={s.linkageMode === 'all'}
            onClick={() => s.setLinkageSelection(s.linkageSelected, 'all')}
          >
            {t('linkage.whole')}
          </button>
          <button
            type="button"
            aria-pressed={s.linkageMode === 'focus'}
            disabled={!s.linkageSelected}
            onClick={() => s.setLinkageSelection(s.linkageSelected, 'focus')}
          >
            {t('linkage.loads')}
          </button>
          <button
            type="button"
            aria-pressed={s.linkageMode === 'reverse'}
            disabled={!s.linkageSelected}
            onClick={() => s.setLinkageSelection(s.linkageSelected, 'reverse')}
          >
            {t('linkage.loadedBy')}
          </button>
        </div>
        <label>
          {t('linkage.at')}{' '}
          <select
            aria-label={t('linkage.atLayer')}
            value={s.layer ?? ''}
            onChange={(e) => s.setLayer(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
          >
            <option value="">{t('linkage.topLayer')}</option>
            {Array.from({ length: layerCount }, (_, i) => (
              <option key={i} value={i}>
                L{i}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('linkage.colour')}{' '}
          <select
            aria-label={t('linkage.colourBy')}
            value={s.colorBy}
            onChange={(e) => s.setColorBy(e.currentTarget.value as 'layer' | 'package')}
          >
            <option value="layer">{t('linkage.byLayer')}</option>
            <option value="package">{t('linkage.byPackage')}</option>
          </select>
        </label>
        {whole && (
          <label className="chip">
            <input type="checkbox" checked={grouped} onChange={(e) => onGrouped(e.currentTarget.checked)} />{' '}
            {t('linkage.grouped')}
          </label>
        )}
        {canvas && (
          <>
            <label className="chip">
              <input type="checkbox" checked={labels} onChange={(e) => onLabels(e.currentTarget.checked)} />{' '}
              {t('linkage.labels')}
            </label>
            <button type="button" className="button button--secondary" onClick={() => canvas.fit()}>
              {t('linkage.fit')}
            </button>
          </>
        )}
        <span className="toolbar__spacer" />
        {whole && (
          <>
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                downloadBlob(
                  new Blob([graphDot(data, shown)], { type: 'text/vnd.graphviz' }),
                  `${fileBase}.dot`,
                )
              }
            >
              {t('linkage.allDot')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                downloadBlob(new Blob([graphJson(data)], { type: 'application/json' }), `${fileBase}.json`)
              }
            >
              {t('linkage.allJson')}
            </button>
          </>
        )}
        <button type="button" className="button" onClick={share}>
          {copied ? t('linkageWork.shareCopied') : t('linkageWork.share')}
        </button>
      </div>
    </div>
  );
}
