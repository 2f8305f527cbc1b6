/**
 * Wasted space, two ways: dive's figures exactly as dive computes them (so CI numbers match), and
 * the corrected figure that charges only bytes not visible in the final image, to the step that
 * wrote them and to the step that hid them.
 */
import type { HistoryStep } from '../../../protocol/messages';
import { displayCreatedBy, formatSize } from '../../../protocol/format';
import { useWaste, type ImageRef } from '../../queries/use-files';
import { useStore } from '../../state/store';
import './waste.css';

const percent = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)} %` : '—');

export function WasteView({ image }: { image: ImageRef; history: readonly HistoryStep[] }) {
  const waste = useWaste(image);
  const setView = useStore((s) => s.setView);
  const setLayer = useStore((s) => s.setLayer);
  const reveal = useStore((s) => s.revealPath);
  if (waste.isPending) return <p className="muted">Computing…</p>;
  if (waste.error) return <p className="error-text">{waste.error.message}</p>;
  const w = waste.data;
  const open = (layer: number, path: string) => {
    setLayer(layer);
    reveal(path);
    setView('files');
  };
  return (
    <div className="waste">
      <section className="panel" aria-label="Waste figures">
        <h2>Wasted space</h2>
        <dl className="figures">
          <div>
            <dt>Efficiency (dive)</dt>
            <dd>{percent(w.efficiency)}</dd>
          </div>
          <div>
            <dt>Wasted bytes (dive)</dt>
            <dd>{formatSize(w.wastedBytes)}</dd>
          </div>
          <div>
            <dt>User wasted (dive)</dt>
            <dd>{percent(w.userWastedPercent)}</dd>
          </div>
          <div className="figures__ours">
            <dt>Hidden bytes (corrected)</dt>
            <dd>{formatSize(w.trueWastedBytes)}</dd>
          </div>
        </dl>
        <p className="muted">
          dive counts every copy of a path written more than once, the kept copy included. The corrected
          figure charges only bytes that are not visible in the final image: overwritten or removed by a later
          step.
        </p>
      </section>
      <section className="panel" aria-label="Waste by step">
        <h2>By build step</h2>
        <table className="plain-table">
          <thead>
            <tr>
              <th>Layer</th>
              <th>Step</th>
              <th className="num">Wrote, hidden later</th>
              <th className="num">Hid</th>
            </tr>
          </thead>
          <tbody>
            {w.createdBy.map((step, i) =>
              (w.wastedWrittenBy[i] ?? 0) + (w.wastedHiddenBy[i] ?? 0) === 0 ? null : (
                <tr key={i}>
                  <td>L{i}</td>
                  <td title={step}>
                    <code>{displayCreatedBy(step)}</code>
                  </td>
                  <td className="num">{formatSize(w.wastedWrittenBy[i] ?? 0)}</td>
                  <td className="num">{formatSize(w.wastedHiddenBy[i] ?? 0)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-label="Largest wasted files">
        <h2>Largest hidden files</h2>
        {w.largest.length === 0 ? (
          <p className="muted">No bytes are hidden: nothing a step wrote was overwritten or removed later.</p>
        ) : (
          <table className="plain-table">
            <thead>
              <tr>
                <th>Path</th>
                <th className="num">Size</th>
                <th>Written by</th>
                <th>Hidden by</th>
              </tr>
            </thead>
            <tbody>
              {w.largest.map((f) => (
                <tr key={`${f.path}@${f.writtenBy}`}>
                  <td>
                    <button type="button" className="link" onClick={() => open(f.writtenBy, f.path)}>
                      <code>{f.path}</code>
                    </button>
                  </td>
                  <td className="num">{formatSize(f.size)}</td>
                  <td>L{f.writtenBy}</td>
                  <td>
                    L{f.hiddenBy} ({f.how})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
