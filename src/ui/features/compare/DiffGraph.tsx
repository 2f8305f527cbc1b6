/**
 * The linkage change drawn by the linkage picture (added green, removed red, unchanged grey): on screen the very
 * SVG the exports write, saved as SVG or PNG in the chosen theme with the Linkage view's file naming.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareReport } from '../../../protocol/compare';
import { downloadBlob } from '../download';
import { svgToPng } from '../linkage/picture-files';
import { ExportTheme, type PictureTheme } from '../linkage/ExportTheme';

export function DiffGraph({ graph }: { graph: CompareReport['graph'] }) {
  const { t } = useTranslation();
  const [theme, setTheme] = useState<PictureTheme>('light');
  const files = graph.exports;
  if (files === null) return <p className="muted">{t('compare.noLinkChange')}</p>;
  return (
    <div className="compare-graph">
      <div className="compare-graph__tools">
        <ExportTheme theme={theme} onChange={setTheme} />
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            downloadBlob(new Blob([files.svg[theme]], { type: 'image/svg+xml' }), `${files.fileBase}.svg`)
          }
        >
          {t('compare.exportSvg')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void svgToPng(files.svg[theme]).then((png) => downloadBlob(png, `${files.fileBase}.png`))
          }
        >
          {t('compare.exportPng')}
        </button>
        {graph.omittedNodes > 0 && (
          <span className="muted">{t('compare.omitted', { count: graph.omittedNodes })}</span>
        )}
      </div>
      {/* The worker's SVG: the same bytes as the light export, escaped by the core's writer. */}
      <div
        className="compare-graph__picture"
        data-testid="compare-graph"
        dangerouslySetInnerHTML={{ __html: files.svg.light }}
      />
    </div>
  );
}
