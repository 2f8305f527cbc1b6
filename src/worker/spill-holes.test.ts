import { describe, expect, it } from 'vitest';
import { SpillHoles } from './spill-holes';

/** Every byte appended in chunks of `chunk` over `total` bytes: which ones the pass writes itself. */
function written(holes: SpillHoles, total: number, chunk: number): boolean[] {
  const mine = new Array<boolean>(total).fill(false);
  for (let at = 0; at < total; at += chunk) {
    for (const [from, to] of holes.pieces(at, Math.min(chunk, total - at)))
      for (let i = from; i < to; i++) mine[at + i] = true;
  }
  return mine;
}

describe('spill holes', () => {
  it('writes everything without holes', () => {
    expect(new SpillHoles().pieces(100, 50)).toEqual([[0, 50]]);
  });

  it('steps over each shared range, whatever the chunk size', () => {
    for (const chunk of [1, 7, 512, 4096]) {
      const holes = new SpillHoles();
      holes.add(512, 1000);
      holes.add(2048, 10);
      holes.add(2058, 0);
      holes.add(3000, 96);
      const mine = written(holes, 4096, chunk);
      const inHole = (i: number) =>
        (i >= 512 && i < 1512) || (i >= 2048 && i < 2058) || (i >= 3000 && i < 3096);
      expect(
        mine.every((m, i) => m === !inHole(i)),
        `chunk ${chunk}`,
      ).toBe(true);
    }
  });

  it('splits one append around a hole inside it', () => {
    const holes = new SpillHoles();
    holes.add(10, 5);
    expect(holes.pieces(0, 20)).toEqual([
      [0, 10],
      [15, 20],
    ]);
    expect(holes.pieces(20, 5)).toEqual([[0, 5]]);
  });
});
