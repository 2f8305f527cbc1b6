/**
 * What a layer pass kept (elf-prefetch.ts), packed to cross a thread: the page's layer workers keep the loader's
 * byte ranges while they index, and hand them to the archive's worker with the layer's index. A layer keeps
 * a range per ELF file and a head per other file, tens of thousands of small arrays; packed, they are one byte
 * buffer and one table, two transferred buffers instead of a structured clone of every array.
 */
import { KEPT_FILE_OVERHEAD, type SparseFile } from './elf-prefetch';
import { KeptFiles, type PackedHeads } from './kept-files';

export interface PackedKept {
  /**
   * Per file: its data offset in the layer, its size and its number of ranges, then per range its offset in the
   * file, where its bytes start in `bytes`, and how many there are. Float64: offsets pass 2^32 in big layers.
   */
  readonly table: Float64Array;
  readonly bytes: Uint8Array;
}

/** Bytes the kept ranges hold. */
export function keptSize(kept: ReadonlyMap<number, SparseFile>): number {
  if (kept instanceof KeptFiles) return kept.byteLength;
  let total = 0;
  for (const file of kept.values()) for (const r of file.ranges) total += r.bytes.length;
  return total;
}

/** What keeping these files costs against a bound: their bytes and KEPT_FILE_OVERHEAD a file. */
export function keptCost(kept: ReadonlyMap<number, SparseFile>): number {
  return keptSize(kept) + kept.size * KEPT_FILE_OVERHEAD;
}

export function packKept(kept: ReadonlyMap<number, SparseFile>): PackedKept {
  let slots = 0;
  for (const file of kept.values()) slots += 3 + 3 * file.ranges.length;
  const table = new Float64Array(slots);
  const bytes = new Uint8Array(keptSize(kept));
  let t = 0;
  let at = 0;
  for (const [offset, file] of kept) {
    table[t++] = offset;
    table[t++] = file.size;
    table[t++] = file.ranges.length;
    for (const r of file.ranges) {
      table[t++] = r.offset;
      table[t++] = at;
      table[t++] = r.bytes.length;
      bytes.set(r.bytes, at);
      at += r.bytes.length;
    }
  }
  return { table, bytes };
}

/**
 * The kept files again; their ranges are views of the one packed buffer (nothing is copied), and files kept as
 * one range from their first byte (the heads) stay rows of typed arrays (kept-files.ts).
 */
export function unpackKept({ table, bytes }: PackedKept): KeptFiles {
  const objects = new Map<number, SparseFile>();
  let t = 0;
  const next = () => table[t++] ?? 0;
  // At most one head per three slots of the table.
  const rows = Math.ceil(table.length / 6);
  const heads = {
    offsets: new Float64Array(rows),
    sizes: new Float64Array(rows),
    starts: new Float64Array(rows),
    lengths: new Float64Array(rows),
  };
  let count = 0;
  let last = Number.NEGATIVE_INFINITY;
  while (t < table.length) {
    const offset = next();
    const size = next();
    const n = next();
    if (n === 1 && table[t] === 0 && offset > last) {
      t++;
      heads.offsets[count] = last = offset;
      heads.sizes[count] = size;
      heads.starts[count] = next();
      heads.lengths[count++] = next();
      continue;
    }
    const ranges: { offset: number; bytes: Uint8Array }[] = [];
    for (let i = 0; i < n; i++) {
      const at = next();
      const start = next();
      const length = next();
      ranges.push({ offset: at, bytes: bytes.subarray(start, start + length) });
    }
    objects.set(offset, { size, ranges });
  }
  const packed: PackedHeads = {
    count,
    offsets: heads.offsets.subarray(0, count),
    sizes: heads.sizes.subarray(0, count),
    starts: heads.starts.subarray(0, count),
    lengths: heads.lengths.subarray(0, count),
    bytes,
  };
  return new KeptFiles(objects, packed);
}

/** The buffers a packed result moves to the receiving thread. */
export function packedBuffers({ table, bytes }: PackedKept): ArrayBuffer[] {
  return [table.buffer as ArrayBuffer, bytes.buffer as ArrayBuffer];
}
