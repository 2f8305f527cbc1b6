/**
 * The ranges of a spill that other threads write (Spill.share: a layer worker writes the layer it indexes),
 * which the pass's own appends step over. Ranges are shared in stream order, each before the pass reaches it.
 */
export class SpillHoles {
  private readonly holes: { start: number; end: number }[] = [];

  add(offset: number, length: number): void {
    if (length > 0) this.holes.push({ start: offset, end: offset + length });
  }

  /**
   * The pieces of `length` bytes appended at `at` that the pass writes itself, as [from, to) offsets into
   * the appended bytes; holes the append has passed are forgotten.
   */
  pieces(at: number, length: number): [number, number][] {
    const out: [number, number][] = [];
    const end = at + length;
    let pos = at;
    while (pos < end) {
      const hole = this.holes[0];
      if (!hole || hole.start >= end) {
        out.push([pos - at, length]);
        break;
      }
      if (hole.end <= pos) {
        this.holes.shift();
        continue;
      }
      if (hole.start > pos) out.push([pos - at, hole.start - at]);
      pos = Math.min(end, hole.end);
      if (hole.end <= end) this.holes.shift();
    }
    return out;
  }
}
