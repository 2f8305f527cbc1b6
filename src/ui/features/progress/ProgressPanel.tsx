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

/** Several layers are read at once (one per layer worker): name each one in flight. */
function layersLine(progress: Progress, done: number): string {
  const total = progress.layers.length;
  const reading = progress.layers.filter((l) => l.state === 'indexing').map((l) => `L${l.index}`);
  if (reading.length === 0) return `layer ${Math.min(done + 1, total)} of ${total}`;
  return `${done} of ${total} layers read; reading ${reading.join(', ')}`;
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
          {progress && progress.layers.length > 0 && ` · ${layersLine(progress, done)}`}
        </span>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <progress max={total || 1} value={read} />
    </section>
  );
}
