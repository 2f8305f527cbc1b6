/**
 * Throughput and time left from the progress events of the current phase. The rate is taken over the
 * last few seconds, not since the drop: reading the outer tar's headers, then several layers at once, then
 * the last big layer alone run at very different speeds, and an average over all of them promises a time
 * left that the load does not keep. A new phase (or a count that goes back) starts the window afresh.
 */
import type { Progress } from '../../protocol/messages';

/** Seconds of samples the rate is taken over. */
export const RATE_WINDOW_S = 4;
/** Below this span the rate is noise: nothing is said yet. */
const MIN_SPAN_S = 0.5;

interface Sample {
  readonly at: number;
  readonly bytes: number;
}

export interface RateEstimate {
  /** Bytes per second over the window. */
  readonly rate: number;
  /** Seconds left at that rate. */
  readonly secondsLeft: number;
}

export class ProgressRate {
  private samples: Sample[] = [];
  private phase: Progress['phase'] | undefined;

  /** A new load: forget the last one's samples. */
  reset(): void {
    this.samples = [];
    this.phase = undefined;
  }

  /** Take one progress event seen at `at` (milliseconds). */
  add(progress: Progress, at: number): void {
    const last = this.samples[this.samples.length - 1];
    if (progress.phase !== this.phase || (last && progress.bytesRead < last.bytes)) {
      this.phase = progress.phase;
      this.samples = [];
    } else if (last && last.at === at) {
      return;
    }
    this.samples.push({ at, bytes: progress.bytesRead });
    // Keep one sample older than the window, so the window is always covered whole.
    while (this.samples.length > 2 && at - this.samples[1]!.at >= RATE_WINDOW_S * 1000) this.samples.shift();
  }

  /** The rate over the window and the time left of `progress`, or undefined while too little is known. */
  estimate(progress: Progress): RateEstimate | undefined {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last) return undefined;
    const span = (last.at - first.at) / 1000;
    if (span < MIN_SPAN_S || last.bytes <= first.bytes) return undefined;
    const rate = (last.bytes - first.bytes) / span;
    return { rate, secondsLeft: Math.max(0, progress.totalBytes - progress.bytesRead) / rate };
  }
}
