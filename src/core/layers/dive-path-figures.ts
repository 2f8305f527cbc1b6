/**
 * dive's per-path figures (Cum, Min, N: dive-efficiency.ts) kept in columns. A base layer visits
 * millions of paths: given the layer stack's path ids, a path's slot is its id, so nothing per path
 * is kept but three numbers; paths the stack does not know (or every path, without ids) get a slot
 * through a map of their own.
 */
export type PathIds = (path: string) => number | undefined;

export class PathFigures {
  private readonly others = new Map<string, number>();
  private cumulative: Float64Array;
  private min: Float64Array;
  private count: Uint32Array;
  private known: Uint8Array;
  /** Paths seen twice or more, in the order they reached two. */
  readonly repeated: { readonly path: string; readonly slot: number }[] = [];

  constructor(
    private readonly ids: PathIds = () => undefined,
    /** How many ids `ids` gives (0 to n - 1). */
    private readonly idCount = 0,
  ) {
    const n = idCount + 1024;
    this.cumulative = new Float64Array(n);
    this.min = new Float64Array(n);
    this.count = new Uint32Array(n);
    this.known = new Uint8Array(n);
  }

  private slotOf(path: string): number {
    let slot = this.ids(path);
    if (slot === undefined || slot >= this.idCount) {
      slot = this.others.get(path);
      if (slot === undefined) {
        slot = this.idCount + this.others.size;
        this.others.set(path, slot);
        if (slot === this.count.length) this.grow();
      }
    }
    if (this.known[slot] === 0) {
      this.known[slot] = 1;
      this.min[slot] = -1;
    }
    return slot;
  }

  /** Counts one occurrence of `size` bytes at `path`. */
  add(path: string, size: number): void {
    const slot = this.slotOf(path);
    if (this.addAt(slot, size)) this.repeated.push({ path, slot });
  }

  /**
   * Counts one occurrence at a path the ids know as `id` (below `idCount`). True when it is the path's
   * second: the caller adds it to `repeated`, in the order dive's walk would have.
   */
  addId(id: number, size: number): boolean {
    if (this.known[id] === 0) {
      this.known[id] = 1;
      this.min[id] = -1;
    }
    return this.addAt(id, size);
  }

  private addAt(slot: number, size: number): boolean {
    this.cumulative[slot]! += size;
    if (this.min[slot]! < 0 || size < this.min[slot]!) this.min[slot] = size;
    return ++this.count[slot]! === 2;
  }

  /** Knows `path` without counting it: a whiteout of nothing keeps Min = -1, as dive's does. */
  touch(path: string): void {
    this.slotOf(path);
  }

  private grow(): void {
    const n = this.count.length * 2;
    const grown = <T extends Float64Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(a);
      return next;
    };
    this.cumulative = grown(this.cumulative, (k) => new Float64Array(k));
    this.min = grown(this.min, (k) => new Float64Array(k));
    this.count = grown(this.count, (k) => new Uint32Array(k));
    this.known = grown(this.known, (k) => new Uint8Array(k));
  }

  /** Σ Min and Σ Cum over every path (whole byte counts: the order of the sums does not matter). */
  sums(): { minimum: number; discovered: number } {
    let minimum = 0;
    let discovered = 0;
    const end = this.idCount + this.others.size;
    for (let slot = 0; slot < end; slot++) {
      if (this.known[slot] === 0) continue;
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
