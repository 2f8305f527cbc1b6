import { describe, expect, it } from 'vitest';
import type { Progress } from '../../protocol/messages';
import { ProgressRate } from './progress-rate';

const MB = 1e6;

function at(phase: Progress['phase'], bytesRead: number, totalBytes = 100 * MB): Progress {
  return { phase, bytesRead, totalBytes, layers: [] };
}

describe('progress rate', () => {
  it('says nothing until half a second of progress is known', () => {
    const meter = new ProgressRate();
    meter.add(at('indexing', 0), 0);
    meter.add(at('indexing', 1 * MB), 400);
    expect(meter.estimate(at('indexing', 1 * MB))).toBeUndefined();
    meter.add(at('indexing', 2 * MB), 1000);
    expect(meter.estimate(at('indexing', 2 * MB))).toEqual({ rate: 2 * MB, secondsLeft: 49 });
  });

  it('follows the recent speed, not the average since the start', () => {
    const meter = new ProgressRate();
    // 10 s at 1 MB/s, then 10 s at 5 MB/s: the average since the start would be 3 MB/s.
    let bytes = 0;
    for (let s = 0; s <= 20; s++) {
      meter.add(at('indexing', bytes), s * 1000);
      bytes += s < 10 ? 1 * MB : 5 * MB;
    }
    const now = at('indexing', bytes - 5 * MB);
    const estimate = meter.estimate(now)!;
    expect(estimate.rate).toBe(5 * MB);
    expect(estimate.secondsLeft).toBeCloseTo((100 * MB - now.bytesRead) / (5 * MB));
  });

  it('starts afresh when the phase changes or the count goes back', () => {
    const meter = new ProgressRate();
    meter.add(at('scanning', 0), 0);
    meter.add(at('scanning', 50 * MB), 1000);
    meter.add(at('indexing', 0), 1100);
    expect(meter.estimate(at('indexing', 0))).toBeUndefined();
    meter.add(at('indexing', 3 * MB), 2100);
    expect(meter.estimate(at('indexing', 3 * MB))?.rate).toBe(3 * MB);
    meter.add(at('indexing', 1 * MB), 2200);
    expect(meter.estimate(at('indexing', 1 * MB))).toBeUndefined();
  });
});
