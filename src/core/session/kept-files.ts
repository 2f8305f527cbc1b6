/**
 * What a layer pass kept (elf-prefetch.ts), by each file's content offset in the layer. A layer keeps ranges of a
 * few hundred ELF files and the first bytes of every other file: tens of thousands of heads. As objects (a record,
 * its range list, a range, a view, a buffer) each head costs five allocations that every full collection marks
 * for as long as the layer is kept; here the heads are rows of typed arrays over one byte buffer, and a head
 * becomes a SparseFile only when it is read (docs/limits.md#memory).
 */
import type { SparseFile } from './elf-prefetch';

/**
 * Files each kept as one range from their first byte: file i's content starts at offsets[i] in the layer and
 * is sizes[i] bytes long; its kept bytes are bytes[starts[i], starts[i] + lengths[i]). Offsets ascend.
 */
export interface PackedHeads {
  readonly count: number;
  readonly offsets: Float64Array;
  readonly sizes: Float64Array;
  readonly starts: Float64Array;
  readonly lengths: Float64Array;
  readonly bytes: Uint8Array;
}

const NO_HEADS: PackedHeads = {
  count: 0,
  offsets: new Float64Array(0),
  sizes: new Float64Array(0),
  starts: new Float64Array(0),
  lengths: new Float64Array(0),
  bytes: new Uint8Array(0),
};

/** Packs heads as a pass meets them: each head's bytes are copied into one growing buffer. */
export class HeadsBuilder {
  private count = 0;
  private offsets = new Float64Array(256);
  private sizes = new Float64Array(256);
  private starts = new Float64Array(256);
  private lengths = new Float64Array(256);
  private bytes = new Uint8Array(16 * 1024);
  private used = 0;

  /** `offset` must be above every offset added before (a pass meets files in the order of their content). */
  add(offset: number, size: number, head: Uint8Array): void {
    if (this.count === this.offsets.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.offsets = grow(this.offsets);
      this.sizes = grow(this.sizes);
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
    }
    if (this.used + head.length > this.bytes.length) {
      const bytes = new Uint8Array(Math.max(this.bytes.length * 2, this.used + head.length));
      bytes.set(this.bytes.subarray(0, this.used));
      this.bytes = bytes;
    }
    const i = this.count++;
    this.offsets[i] = offset;
    this.sizes[i] = size;
    this.starts[i] = this.used;
    this.lengths[i] = head.length;
    this.bytes.set(head, this.used);
    this.used += head.length;
  }

  clear(): void {
    this.count = 0;
    this.used = 0;
  }

  /** The heads, their arrays cut to what they hold. */
  finish(): PackedHeads {
    const n = this.count;
    if (n === 0) return NO_HEADS;
    return {
      count: n,
      offsets: this.offsets.slice(0, n),
      sizes: this.sizes.slice(0, n),
      starts: this.starts.slice(0, n),
      lengths: this.lengths.slice(0, n),
      bytes: this.bytes.slice(0, this.used),
    };
  }
}

/**
 * A layer's kept files: `objects` (ELF ranges, whole files) and packed `heads`, no offset in both. Iterates in
 * ascending content offset, as a pass meets the files.
 */
export class KeptFiles implements ReadonlyMap<number, SparseFile> {
  private readonly objectOffsets: readonly number[];

  constructor(
    private readonly objects: ReadonlyMap<number, SparseFile>,
    private readonly heads: PackedHeads = NO_HEADS,
  ) {
    this.objectOffsets = [...objects.keys()].sort((a, b) => a - b);
  }

  get size(): number {
    return this.objects.size + this.heads.count;
  }

  /** Bytes the kept ranges hold. */
  get byteLength(): number {
    let total = 0;
    for (const file of this.objects.values()) for (const r of file.ranges) total += r.bytes.length;
    const { lengths, count } = this.heads;
    for (let i = 0; i < count; i++) total += lengths[i]!;
    return total;
  }

  get(offset: number): SparseFile | undefined {
    const file = this.objects.get(offset);
    if (file) return file;
    const i = this.find(offset);
    return i < 0 ? undefined : this.headAt(i);
  }

  has(offset: number): boolean {
    return this.objects.has(offset) || this.find(offset) >= 0;
  }

  *entries(): MapIterator<[number, SparseFile]> {
    const { count, offsets } = this.heads;
    const objects = this.objectOffsets;
    let h = 0;
    let o = 0;
    while (h < count || o < objects.length) {
      if (o < objects.length && (h >= count || objects[o]! < offsets[h]!)) {
        const offset = objects[o++]!;
        yield [offset, this.objects.get(offset)!];
      } else {
        yield [offsets[h]!, this.headAt(h++)];
      }
    }
  }

  *keys(): MapIterator<number> {
    for (const [offset] of this.entries()) yield offset;
  }

  *values(): MapIterator<SparseFile> {
    for (const [, file] of this.entries()) yield file;
  }

  [Symbol.iterator](): MapIterator<[number, SparseFile]> {
    return this.entries();
  }

  forEach(each: (file: SparseFile, offset: number, map: ReadonlyMap<number, SparseFile>) => void): void {
    for (const [offset, file] of this.entries()) each(file, offset, this);
  }

  private headAt(i: number): SparseFile {
    const { sizes, starts, lengths, bytes } = this.heads;
    const start = starts[i]!;
    return { size: sizes[i]!, ranges: [{ offset: 0, bytes: bytes.subarray(start, start + lengths[i]!) }] };
  }

  /** The row of the head at `offset`, or -1. */
  private find(offset: number): number {
    const { offsets, count } = this.heads;
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = offsets[mid]!;
      if (at === offset) return mid;
      if (at < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
