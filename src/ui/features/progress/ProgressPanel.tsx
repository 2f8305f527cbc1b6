/** Loading: bytes read of total, throughput and time left, each layer's state, and Cancel. */
import type { Progress } from '../../../protocol/messages';
import { formatSize } from '../../../protocol/format';
import './progress.css';

function eta(progress: Progress, startedAt: number): { rate: string; left: string } {
  const seconds = (Date.now() - startedAt) / 1000;
  if (seconds < 0.2 || progress.bytesRead === 0) return { rate: '', left: '' };
  const rate = progress.bytesRead / seconds;
  const remaining = Math.max(0, progress.totalBytes - progress.bytesRead) / rate;
  return {
    rate: `${formatSize(rate)}/s`,
    left: remaining < 1 ? 'under a second left' : `about ${Math.ceil(remaining)} s left`,
  };
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
  const total = progress?.totalBytes ?? 0;
  const read = Math.min(progress?.bytesRead ?? 0, total);
  const { rate, left } = progress ? eta(progress, startedAt) : { rate: '', left: '' };
  const phase = progress?.phase === 'indexing' ? 'Reading layers' : 'Reading the archive';
  const done =
    progress?.layers.filter((l) => l.state === 'done' || l.state === 'failed' || l.state === 'absent')
      .length ?? 0;
  return (
    <section className="progress" aria-label="Loading progress" aria-live="polite">
      <div className="progress__row">
        <strong>{phase}</strong>
        <span>
          {formatSize(read)} of {formatSize(total)}
          {rate && ` · ${rate} · ${left}`}
          {progress &&
            progress.layers.length > 0 &&
            ` · layer ${Math.min(done + 1, progress.layers.length)} of ${progress.layers.length}`}
        </span>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <progress max={total || 1} value={read} />
    </section>
  );
}
