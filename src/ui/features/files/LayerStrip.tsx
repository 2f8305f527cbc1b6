/** The layers to pick from, newest first like the Layers table; the shown layer is highlighted. */
import type { HistoryStep } from '../../../protocol/messages';
import { useTranslation } from 'react-i18next';
import { displayCreatedBy } from '../../../protocol/format';
import { useFormat } from '../../i18n/use-format';
import { useStore } from '../../state/store';

export function LayerStrip({ history, layer }: { history: readonly HistoryStep[]; layer: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const setLayer = useStore((s) => s.setLayer);
  const compareFrom = useStore((s) => s.compareFrom);
  const layers = history.filter((h) => h.layerIndex !== null);
  return (
    <nav className="layer-strip" aria-label={t('layers.layer')}>
      {layers.map((h) => {
        const index = h.layerIndex!;
        const inRange =
          compareFrom !== null &&
          index >= Math.min(compareFrom, layer) &&
          index <= Math.max(compareFrom, layer);
        return (
          <button
            key={index}
            type="button"
            aria-pressed={index === layer}
            className={`layer-strip__item${index === layer ? ' layer-strip__item--current' : ''}${inRange ? ' layer-strip__item--range' : ''}`}
            onClick={() => setLayer(index)}
            title={h.createdBy}
          >
            <span className="layer-strip__index">L{index}</span>
            <span className="layer-strip__cmd">{displayCreatedBy(h.createdBy)}</span>
            <span className="layer-strip__size">{h.size === null ? '…' : format.size(h.size)}</span>
          </button>
        );
      })}
    </nav>
  );
}
