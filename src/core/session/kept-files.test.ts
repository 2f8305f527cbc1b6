import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SparseFile } from './elf-prefetch';
import { HeadsBuilder, KeptFiles } from './kept-files';
import { keptSize, packKept, unpackKept } from './kept-transfer';

/** A layer's kept files as a plain Map: heads (one range from byte 0) and ELF-like files of several ranges. */
const layerFiles = fc
  .uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 0, maxLength: 60 })
  .chain((offsets) =>
    fc.tuple(
      ...offsets
        .sort((a, b) => a - b)
        .map((offset) =>
          fc.record({
            offset: fc.constant(offset),
            head: fc.boolean(),
            size: fc.integer({ min: 1, max: 5000 }),
            bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
          }),
        ),
    ),
  )
  .map((files) => {
    const map = new Map<number, SparseFile>();
    for (const f of files) {
      const ranges = f.head
        ? [{ offset: 0, bytes: f.bytes }]
        : [
            { offset: 0, bytes: f.bytes },
            { offset: 8192, bytes: f.bytes.slice().reverse() },
          ];
      map.set(f.offset, { size: f.size, ranges });
    }
    return map;
  });

/** The same files, heads packed by a HeadsBuilder as a layer pass packs them. */
function packed(map: ReadonlyMap<number, SparseFile>): KeptFiles {
  const heads = new HeadsBuilder();
  const objects = new Map<number, SparseFile>();
  for (const [offset, file] of map) {
    if (file.ranges.length === 1 && file.ranges[0]!.offset === 0)
      heads.add(offset, file.size, file.ranges[0]!.bytes);
    else objects.set(offset, file);
  }
  return new KeptFiles(objects, heads.finish());
}

const shape = (file: SparseFile | undefined) =>
  file && { size: file.size, ranges: file.ranges.map((r) => ({ offset: r.offset, bytes: [...r.bytes] })) };

describe('kept files with packed heads', () => {
  it('answer get, has, size and iteration as the Map they were made from, in ascending offset', () => {
    fc.assert(
      fc.property(layerFiles, fc.integer({ min: 0, max: 1_000_001 }), (map, probe) => {
        const kept = packed(map);
        expect(kept.size).toBe(map.size);
        expect([...kept.keys()]).toEqual([...map.keys()]);
        for (const [offset, file] of map) expect(shape(kept.get(offset))).toEqual(shape(file));
        expect(kept.has(probe)).toBe(map.has(probe));
        expect(shape(kept.get(probe))).toEqual(shape(map.get(probe)));
        expect(kept.byteLength).toBe(keptSize(map));
        const seen: number[] = [];
        kept.forEach((_, offset) => seen.push(offset));
        expect(seen).toEqual([...map.keys()]);
      }),
    );
  });

  it('cross a thread packed and come back with their heads still rows of the packed buffer', () => {
    fc.assert(
      fc.property(layerFiles, (map) => {
        const sent = packKept(packed(map));
        const back = unpackKept(sent);
        expect(back).toBeInstanceOf(KeptFiles);
        expect([...back.keys()]).toEqual([...map.keys()]);
        for (const [offset, file] of map) {
          const again = back.get(offset)!;
          expect(shape(again)).toEqual(shape(file));
          // Nothing copied: every range is a view of the one transferred buffer.
          for (const r of again.ranges) expect(r.bytes.buffer).toBe(sent.bytes.buffer);
        }
      }),
    );
  });

  it('copy each head when it is added, so a pass may reuse the buffer it filled it in', () => {
    const heads = new HeadsBuilder();
    const scratch = new Uint8Array([1, 2, 3, 4]);
    heads.add(0, 10, scratch);
    scratch.fill(9);
    heads.add(512, 4, scratch);
    const kept = new KeptFiles(new Map(), heads.finish());
    expect([...kept.get(0)!.ranges[0]!.bytes]).toEqual([1, 2, 3, 4]);
    expect([...kept.get(512)!.ranges[0]!.bytes]).toEqual([9, 9, 9, 9]);
    expect(kept.get(256)).toBeUndefined();
  });
});
