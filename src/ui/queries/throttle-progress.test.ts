import { describe, expect, it } from 'vitest';
import { throttleLatest, type Clock } from './throttle-progress';

/** A clock the test moves by hand, with the timers it holds. */
function manualClock(): Clock & { advance(ms: number): void } {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  return {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimeout: (id) => timers.delete(id as number),
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at))
        if (timer.at <= now) {
          timers.delete(id);
          timer.run();
        }
    },
  };
}

describe('throttleLatest', () => {
  it('passes the first value at once, then the latest at most once per interval', () => {
    const clock = manualClock();
    const seen: number[] = [];
    const throttled = throttleLatest<number>((v) => seen.push(v), 100, clock);
    throttled.push(1);
    expect(seen).toEqual([1]);
    for (let i = 2; i <= 9; i++) {
      clock.advance(10);
      throttled.push(i);
    }
    expect(seen).toEqual([1]);
    clock.advance(20);
    expect(seen).toEqual([1, 9]);
    clock.advance(500);
    expect(seen).toEqual([1, 9]);
  });

  it('passes an urgent value at once and drops what it replaced', () => {
    const clock = manualClock();
    const seen: string[] = [];
    const throttled = throttleLatest<string>((v) => seen.push(v), 100, clock);
    throttled.push('a');
    clock.advance(10);
    throttled.push('b');
    throttled.push('layer done', true);
    clock.advance(200);
    expect(seen).toEqual(['a', 'layer done']);
  });

  it('flushes the value held back, once', () => {
    const clock = manualClock();
    const seen: number[] = [];
    const throttled = throttleLatest<number>((v) => seen.push(v), 100, clock);
    throttled.push(1);
    throttled.push(2);
    throttled.flush();
    throttled.flush();
    clock.advance(200);
    expect(seen).toEqual([1, 2]);
  });

  it('never holds more than one timer', () => {
    const clock = manualClock();
    let timers = 0;
    const counting: Clock = { ...clock, setTimeout: (run, ms) => (timers++, clock.setTimeout(run, ms)) };
    const throttled = throttleLatest<number>(() => undefined, 100, counting);
    throttled.push(0);
    for (let i = 1; i < 50; i++) throttled.push(i);
    expect(timers).toBe(1);
  });
});
