import { describe, expect, it } from 'vitest';
import { SharedRuns } from './shared-runs';

/** A promise the test settles when it wants a run to go on. */
function gate() {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { release, released };
}

describe('SharedRuns', () => {
  it('runs once for every caller and keeps the result', async () => {
    const runs = new SharedRuns<number, number>();
    let made = 0;
    const make = () => Promise.resolve(++made);
    expect(await Promise.all([runs.run('a', make), runs.run('a', make)])).toEqual([1, 1]);
    expect(await runs.run('a', make)).toBe(1);
    expect(made).toBe(1);
  });

  it('keeps working for the others when one caller cancels, and stops when the last one does', async () => {
    const runs = new SharedRuns<string, number>();
    const { release, released } = gate();
    let signal: AbortSignal | undefined;
    const make = async (s: AbortSignal) => {
      signal = s;
      await released;
      return s.aborted ? 'stopped' : 'done';
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = runs.run('x', make, { signal: first.signal });
    const b = runs.run('x', make, { signal: second.signal });
    first.abort();
    await expect(a).rejects.toThrow('Cancelled.');
    expect(signal!.aborted).toBe(false);
    second.abort();
    await expect(b).rejects.toThrow('Cancelled.');
    expect(signal!.aborted).toBe(true);
    release();
    // The stopped run is forgotten: the next caller starts afresh.
    const { release: again, released: later } = gate();
    const c = runs.run('x', async (s) => {
      await later;
      return s.aborted ? 'stopped' : 'fresh';
    });
    again();
    expect(await c).toBe('fresh');
  });

  it('tells every waiting caller the progress, and a failure is not kept', async () => {
    const runs = new SharedRuns<number, number>();
    const seen: number[][] = [[], []];
    const { release, released } = gate();
    const make = async (_: AbortSignal, progress: (p: number) => void) => {
      await released;
      progress(1);
      progress(2);
      return 0;
    };
    const both = Promise.all(seen.map((list) => runs.run('p', make, { onProgress: (p) => list.push(p) })));
    release();
    await both;
    expect(seen).toEqual([
      [1, 2],
      [1, 2],
    ]);
    await expect(runs.run('f', () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(await runs.run('f', () => Promise.resolve(3))).toBe(3);
  });
});
