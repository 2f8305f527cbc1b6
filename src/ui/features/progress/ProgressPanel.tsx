/** Loading: bytes read of total, throughput and time left, each layer's state, and Cancel. */
import type { Progress } from '../../../protocol/messages';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useFormat } from '../../i18n/use-format';
import './progress.css';

function eta(
  progress: Progress,
  startedAt: number,
  t: TFunction,
  size: (n: number) => string,
): { rate: string; left: string } {
  const seconds = (Date.now() - startedAt) / 1000;
  if (seconds < 0.2 || progress.bytesRead === 0) return { rate: '', left: '' };
  const rate = progress.bytesRead / seconds;
  const remaining = Math.max(0, progress.totalBytes - progress.bytesRead) / rate;
  return {
    rate: t('progress.rate', { size: size(rate) }),
    left:
      remaining < 1 ? t('progress.underSecond') : t('progress.secondsLeft', { count: Math.ceil(remaining) }),
  };
}

/** Several layers are read at once (one per layer worker): name each one in flight. */
/** "layer 3 of 6", or with several layers in flight "2 of 6 layers read; reading L2, L3". */
function layersLine(progress: Progress, done: number, t: TFunction, count: (n: number) => string): string {
  const total = progress.layers.length;
  const reading = progress.layers.filter((l) => l.state === 'indexing').map((l) => `L${l.index}`);
  if (reading.length === 0)
    return t('progress.layer', { n: count(Math.min(done + 1, total)), total: count(total) });
  return t('progress.layersInFlight', { done: count(done), total: count(total), layers: reading.join(', ') });
}

export function ProgressPanel({
  progress,
  startedAt,
  onCancel,
}: {
  progress: Progress | null;
  startedAt: number;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = progress?.totalBytes ?? 0;
  const read = Math.min(progress?.bytesRead ?? 0, total);
  const { rate, left } = progress ? eta(progress, startedAt, t, format.size) : { rate: '', left: '' };
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
          {progress && progress.layers.length > 0 && ` · ${layersLine(progress, done, t, format.count)}`}
        </span>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <progress max={total || 1} value={read} />
    </section>
  );
}
