/**
 * Loading: bytes read of total, throughput and time left, each layer's state, and Cancel. The panel reads
 * the progress from the store itself, so a progress tick re-renders this panel and nothing around it.
 */
import type { Progress } from '../../../protocol/messages';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useFormat } from '../../i18n/use-format';
import type { RateEstimate } from '../../state/progress-rate';
import { useStore } from '../../state/store';
import './progress.css';

function eta(
  estimate: RateEstimate,
  t: TFunction,
  size: (n: number) => string,
): { rate: string; left: string } {
  const remaining = estimate.secondsLeft;
  return {
    rate: t('progress.rate', { size: size(estimate.rate) }),
    left:
      remaining < 1 ? t('progress.underSecond') : t('progress.secondsLeft', { count: Math.ceil(remaining) }),
  };
}

/**
 * "layer 3 of 6", or with several layers in flight (one per layer worker) "2 of 6 layers read; reading
 * L2 (40 %), L3 (12 %)": each layer in flight with the share of its blob read so far.
 */
function layersLine(
  progress: Progress,
  done: number,
  t: TFunction,
  format: ReturnType<typeof useFormat>,
): string {
  const count = format.count;
  const total = progress.layers.length;
  const reading = progress.layers
    .filter((l) => l.state === 'indexing')
    .map((l) =>
      l.blobBytes > 0
        ? t('progress.layerShare', {
            layer: `L${l.index}`,
            // Whole percents: a share that moves in hundredths only flickers.
            share: format.percent(Math.floor(100 * Math.min(1, l.readBytes / l.blobBytes)) / 100),
          })
        : `L${l.index}`,
    );
  if (reading.length === 0)
    return t('progress.layer', { n: count(Math.min(done + 1, total)), total: count(total) });
  return t('progress.layersInFlight', {
    done: count(done),
    total: count(total),
    layers: format.list(reading),
  });
}

export function ProgressPanel({ onCancel }: { onCancel: () => void }) {
  const progress = useStore((s) => s.progress);
  /** Throughput over the last seconds and the time left (ui/state/progress-rate.ts). */
  const estimate = useStore((s) => s.progressRate);
  const { t } = useTranslation();
  const format = useFormat();
  const total = progress?.totalBytes ?? 0;
  const read = Math.min(progress?.bytesRead ?? 0, total);
  const { rate, left } = estimate ? eta(estimate, t, format.size) : { rate: '', left: '' };
  const phase = progress?.phase === 'indexing' ? t('progress.layers') : t('progress.archive');
  const done =
    progress?.layers.filter((l) => l.state === 'done' || l.state === 'failed' || l.state === 'absent')
      .length ?? 0;
  return (
    <section className="progress" aria-label={t('progress.label')} aria-live="polite">
      <div className="progress__row">
        <strong>{phase}</strong>
        <span>
          {t('progress.read', { read: format.size(read), total: format.size(total) })}
          {rate && ` · ${rate} · ${left}`}
          {progress && progress.layers.length > 0 && ` · ${layersLine(progress, done, t, format)}`}
        </span>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <progress max={total || 1} value={read} />
    </section>
  );
}
