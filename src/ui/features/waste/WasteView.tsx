/**
 * Wasted space, two ways: dive's figures exactly as dive computes them (so CI numbers match), and
 * the corrected figure that charges only bytes not visible in the final image, to the step that
 * wrote them and to the step that hid them.
 */
import type { HistoryStep } from '../../../protocol/messages';
import { useTranslation } from 'react-i18next';
import { displayCreatedBy } from '../../../protocol/format';
import { useFormat } from '../../i18n/use-format';
import { useWaste, type ImageRef } from '../../queries/use-files';
import { useStore } from '../../state/store';
import { useScrollFocus } from '../keyboard/use-scroll-focus';
import './waste.css';
import { ErrorMessage } from '../../i18n/ErrorMessage';

export function WasteView({ image }: { image: ImageRef; history: readonly HistoryStep[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = (x: number) => (Number.isFinite(x) ? format.percent(x) : '—');
  const formatSize = format.size;
  const waste = useWaste(image);
  const setView = useStore((s) => s.setView);
  const setLayer = useStore((s) => s.setLayer);
  const reveal = useStore((s) => s.revealPath);
  const stepsScroll = useScrollFocus();
  const largestScroll = useScrollFocus();
  if (waste.isPending) return <p className="muted">{t('waste.computing')}</p>;
  if (waste.error) return <ErrorMessage error={waste.error} />;
  const w = waste.data;
  const open = (layer: number, path: string) => {
    setLayer(layer);
    reveal(path);
    setView('files');
  };
  return (
    <div className="waste">
      <section className="panel" aria-labelledby="waste-figures">
        <h2 id="waste-figures">{t('waste.title')}</h2>
        <dl className="figures">
          <Figure
            label={t('waste.efficiency')}
            value={percent(w.efficiency)}
            why={t('waste.efficiencyWhy')}
          />
          <Figure label={t('waste.wasted')} value={formatSize(w.wastedBytes)} why={t('waste.wastedWhy')} />
          <Figure
            label={t('waste.userWasted')}
            value={percent(w.userWastedPercent)}
            why={t('waste.userWastedWhy')}
          />
          <Figure
            label={t('waste.hidden')}
            value={formatSize(w.trueWastedBytes)}
            why={t('waste.hiddenWhy')}
            ours
          />
        </dl>
      </section>
      <section className="panel" aria-labelledby="waste-steps">
        <h2 id="waste-steps">{t('waste.byStep')}</h2>
        <table className="plain-table" aria-labelledby="waste-steps" ref={stepsScroll}>
          <thead>
            <tr>
              <th>{t('layers.layer')}</th>
              <th>{t('waste.step')}</th>
              <th className="num">{t('waste.wroteHidden')}</th>
              <th className="num">{t('waste.hidOthers')}</th>
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
      <section className="panel" aria-labelledby="waste-largest">
        <h2 id="waste-largest">{t('waste.largest')}</h2>
        {w.largest.length === 0 ? (
          <p className="muted">{t('waste.noneHidden')}</p>
        ) : (
          <table className="plain-table" aria-labelledby="waste-largest" ref={largestScroll}>
            <thead>
              <tr>
                <th>{t('waste.path')}</th>
                <th className="num">{t('layers.size')}</th>
                <th>{t('waste.writtenBy')}</th>
                <th>{t('waste.hiddenBy')}</th>
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
                    L{f.hiddenBy} ({t(`waste.how.${f.how}`)})
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

/** One figure with a sentence beside it saying what it counts. */
function Figure({
  label,
  value,
  why,
  ours = false,
}: {
  label: string;
  value: string;
  why: string;
  ours?: boolean;
}) {
  return (
    <div className={ours ? 'figures__ours' : undefined}>
      <dt>{label}</dt>
      <dd>
        <span className="figures__value">{value}</span>
        <span className="figures__why">{why}</span>
      </dd>
    </div>
  );
}
