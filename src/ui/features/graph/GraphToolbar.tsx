/** Search, mode, colour, labels, and the ways to share the view: PNG, SVG, DOT, JSON and a link. */
import { useState } from 'react';
import type { GraphData } from '../../../protocol/linkage';
import type { ImageRef } from '../../queries/use-files';
import { useStoreFields } from '../../state/store';
import type { CanvasApi } from './use-graph-canvas';
import type { DrawState } from './draw';
import type { Shown } from './subgraph';
import { exportPng, exportSvg } from './export-graph';
import { downloadBlob } from '../download';
import { encodeShare } from './share-link';
import { graphDot, graphJson } from './graph-files';

export function GraphToolbar({
  layerCount,
  data,
  shown,
  state,
  canvas,
  highlight,
  labels,
  onLabels,
}: {
  layerCount: number;
  image: ImageRef;
  data: GraphData;
  shown: Shown;
  state: Omit<DrawState, 'transform'>;
  canvas: CanvasApi;
  highlight: ReadonlySet<number>;
  labels: boolean;
  onLabels: (on: boolean) => void;
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
    setLinkageSearch: state.setLinkageSearch,
  }));
  const [copied, setCopied] = useState(false);
  const size = () => ({
    w: canvas.canvasRef.current?.clientWidth ?? 1200,
    h: canvas.canvasRef.current?.clientHeight ?? 800,
  });
  const full = () => ({ ...state, transform: canvas.transform() });
  const share = () => {
    const hash = encodeShare({
      version: 1,
      imageId: data.imageId,
      view: 'linkage',
      selected: s.linkageSelected,
      mode: s.linkageMode,
      colorBy: s.colorBy,
      search: s.linkageSearch,
    });
    window.history.replaceState(null, '', hash);
    const url = window.location.href;
    // The clipboard exists only in secure contexts (https, localhost).
    if ('clipboard' in navigator) void navigator.clipboard.writeText(url).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <div className="toolbar">
      <div className="toolbar__row">
        <input
          type="search"
          aria-label="Search nodes"
          placeholder="Find a file or SONAME (e.g. libssl)"
          value={s.linkageSearch}
          onChange={(e) => s.setLinkageSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            const first = [...highlight][0];
            if (first !== undefined) canvas.center(first);
          }}
        />
        {s.linkageSearch && <span>{highlight.size} found</span>}
        {highlight.size > 0 && (
          <>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => s.setLinkageSelection(data.nodes[[...highlight][0]!]!.path, 'focus')}
            >
              Focus
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => s.setLinkageSelection(data.nodes[[...highlight][0]!]!.path, 'reverse')}
            >
              Reverse
            </button>
          </>
        )}
        <div className="segmented" role="group" aria-label="Graph mode">
          <button
            type="button"
            aria-pressed={s.linkageMode === 'all'}
            onClick={() => s.setLinkageSelection(s.linkageSelected, 'all')}
          >
            Whole image
          </button>
          <button
            type="button"
            aria-pressed={s.linkageMode === 'focus'}
            disabled={!s.linkageSelected}
            onClick={() => s.setLinkageSelection(s.linkageSelected, 'focus')}
          >
            Loads
          </button>
          <button
            type="button"
            aria-pressed={s.linkageMode === 'reverse'}
            disabled={!s.linkageSelected}
            onClick={() => s.setLinkageSelection(s.linkageSelected, 'reverse')}
          >
            Loaded by
          </button>
        </div>
        <label>
          At{' '}
          <select
            aria-label="Resolve at layer"
            value={s.layer ?? ''}
            onChange={(e) => s.setLayer(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
          >
            <option value="">top layer</option>
            {Array.from({ length: layerCount }, (_, i) => (
              <option key={i} value={i}>
                L{i}
              </option>
            ))}
          </select>
        </label>
        <label>
          Colour{' '}
          <select
            aria-label="Colour by"
            value={s.colorBy}
            onChange={(e) => s.setColorBy(e.currentTarget.value as 'layer' | 'package')}
          >
            <option value="layer">layer</option>
            <option value="package">package</option>
          </select>
        </label>
        <label className="chip">
          <input type="checkbox" checked={labels} onChange={(e) => onLabels(e.currentTarget.checked)} />{' '}
          labels
        </label>
        <button type="button" className="button button--secondary" onClick={() => canvas.fit()}>
          Fit
        </button>
        <span className="toolbar__spacer" />
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void exportPng(full(), size().w, size().h).then((b) => downloadBlob(b, 'strata-graph.png'))
          }
        >
          PNG
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            downloadBlob(
              new Blob([exportSvg(full(), size().w, size().h)], { type: 'image/svg+xml' }),
              'strata-graph.svg',
            )
          }
        >
          SVG
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            downloadBlob(new Blob([graphDot(data, shown)], { type: 'text/vnd.graphviz' }), 'strata-graph.dot')
          }
        >
          DOT
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            downloadBlob(new Blob([graphJson(data)], { type: 'application/json' }), 'strata-graph.json')
          }
        >
          JSON
        </button>
        <button type="button" className="button" onClick={share}>
          {copied ? 'Link copied' : 'Share link'}
        </button>
      </div>
    </div>
  );
}
