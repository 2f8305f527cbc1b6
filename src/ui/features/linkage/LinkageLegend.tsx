/** What the colours and shapes mean. */
import { useTranslation } from 'react-i18next';
import type { GraphData } from '../../../protocol/linkage';
import type { ColorBy } from '../../state/linkage-slice';
import { MISSING, nodeColor } from './draw';

export function LinkageLegend({ data, colorBy }: { data: GraphData; colorBy: ColorBy }) {
  const { t } = useTranslation();
  const keys = new Map<string, string>();
  for (const n of data.nodes) {
    if (n.kind === 'missing') continue;
    const key = colorBy === 'layer' ? `L${n.layer}` : (n.pkg ?? t('linkage.noPackageKey'));
    if (!keys.has(key)) keys.set(key, nodeColor(n, colorBy));
    if (keys.size >= 14) break;
  }
  return (
    <div className="graph-legend" aria-label={t('linkage.legend')}>
      <span>■ {t('linkage.legendExe')}</span>
      <span>● {t('linkage.legendLib')}</span>
      <span className="graph-legend__ring">◯ {t('linkage.legendInterpreter')}</span>
      <span style={{ color: MISSING }}>● {t('linkage.legendMissing')}</span>
      {[...keys].sort().map(([k, c]) => (
        <span key={k}>
          <i style={{ background: c }} /> {k}
        </span>
      ))}
    </div>
  );
}
