/**
 * dive's per-path figures (Cum, Min, N: dive-efficiency.ts) kept in columns: a base layer visits
 * millions of paths, and an object per path cost ~40 bytes more than a slot in three typed arrays.
 */
export class PathFigures {
  private readonly index = new Map<string, number>();
  private cumulative = new Float64Array(1024);
  private min = new Float64Array(1024);
  private count = new Uint32Array(1024);
  /** Paths seen twice or more, in the order they reached two. */
  readonly repeated: { readonly path: string; readonly slot: number }[] = [];

  private slotOf(path: string): number {
    let slot = this.index.get(path);
    if (slot === undefined) {
      slot = this.index.size;
      this.index.set(path, slot);
      if (slot === this.count.length) this.grow();
      this.min[slot] = -1;
    }
    return slot;
  }

  /** Counts one occurrence of `size` bytes at `path`. */
  add(path: string, size: number): void {
    const slot = this.slotOf(path);
    this.cumulative[slot]! += size;
    if (this.min[slot]! < 0 || size < this.min[slot]!) this.min[slot] = size;
    if (++this.count[slot]! === 2) this.repeated.push({ path, slot });
  }

  /** Knows `path` without counting it: a whiteout of nothing keeps Min = -1, as dive's does. */
  touch(path: string): void {
    this.slotOf(path);
  }

  private grow(): void {
    const n = this.count.length * 2;
    const cumulative = new Float64Array(n);
    cumulative.set(this.cumulative);
    const min = new Float64Array(n);
    min.set(this.min);
    const count = new Uint32Array(n);
    count.set(this.count);
    this.cumulative = cumulative;
    this.min = min;
    this.count = count;
  }

  /** Σ Min and Σ Cum over every path. */
  sums(): { minimum: number; discovered: number } {
    let minimum = 0;
    let discovered = 0;
    for (let slot = 0; slot < this.index.size; slot++) {
      minimum += this.min[slot]!;
      discovered += this.cumulative[slot]!;
    }
    return { minimum, discovered };
  }

  cumulativeOf(slot: number): number {
    return this.cumulative[slot]!;
  }

  countOf(slot: number): number {
    return this.count[slot]!;
  }
}
