/**
 * A small seeded generator (mulberry32) for the layer tests that draw random stacks: a failing seed gives
 * the same layers again, so it can be replayed. Like layer-builders.ts, used by tests only.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
