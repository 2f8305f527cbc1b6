/** What the colours and shapes mean. */
import type { GraphData } from '../../../protocol/linkage';
import type { ColorBy } from '../../state/linkage-slice';
import { MISSING, nodeColor } from './draw';

export function LinkageLegend({ data, colorBy }: { data: GraphData; colorBy: ColorBy }) {
  const keys = new Map<string, string>();
  for (const n of data.nodes) {
    if (n.kind === 'missing') continue;
    const key = colorBy === 'layer' ? `L${n.layer}` : (n.pkg ?? 'no package');
    if (!keys.has(key)) keys.set(key, nodeColor(n, colorBy));
    if (keys.size >= 14) break;
  }
  return (
    <div className="graph-legend" aria-label="Legend">
      <span>■ executable</span>
      <span>● library</span>
      <span className="graph-legend__ring">◯ interpreter</span>
      <span style={{ color: MISSING }}>● not found / version missing</span>
      {[...keys].sort().map(([k, c]) => (
        <span key={k}>
          <i style={{ background: c }} /> {k}
        </span>
      ))}
    </div>
  );
}
