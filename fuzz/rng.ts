import { seededRandom } from '../src/core/testing/seeded-random';

/** A seeded generator (mulberry32): mutant n of seed s is the same on every run, so it can be replayed. */
export class Rng {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}
