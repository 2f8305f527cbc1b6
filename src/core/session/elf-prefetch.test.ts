import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEnv, openFileSource } from '../../cli/node-env';
import type { TarEntry } from '../model/tar-entry';
import { ArchiveSession } from './archive-session';
import { HEAD_BYTES, keptRanges, merged, trimmedRanges, withTables } from './elf-kept-ranges';
import { keptWhole, LayerPrefetch, readSparse, type SparseFile } from './elf-prefetch';
import { dynamicPlan, tableRanges } from './elf-table-ranges';
import { readLayerBytes } from './layer-content';

const SAMPLE = join(import.meta.dirname, '../../../public/samples/sample.tar');
const APP2 = join(import.meta.dirname, '../../../fixtures/compare/app-2.docker-archive.tar.gz');

/** Each layer of an archive's first image, decoded once, with its tar entries. */
async function layersOf(path: string): Promise<{ entries: readonly TarEntry[]; bytes: Uint8Array }[]> {
  const session = await ArchiveSession.open(await openFileSource(path), nodeEnv);
  const image = session.info.images[0]!;
  await session.indexImage(image);
  const layers = [];
  for (const layer of image.layers) {
    const index = session.status(layer).index!;
    const end = Math.max(0, ...index.entries.toArray().map((e) => e.dataOffset + e.size));
    // A read returns at most a window of the layer: read it window by window.
    const parts: Uint8Array[] = [];
    for (let at = 0; at < end;) {
      const part = await readLayerBytes(session.scan, nodeEnv, layer, index, at, end - at);
      parts.push(part);
      at += part.length;
    }
    layers.push({ entries: index.entries.toArray(), bytes: new Uint8Array(Buffer.concat(parts)) });
  }
  return layers;
}

/** What the pass keeps when it buffers each file whole first: the reference the streaming capture must equal. */
function reference(entry: TarEntry, bytes: Uint8Array): SparseFile {
  const whole = { size: bytes.length, ranges: [{ offset: 0, bytes }] };
  if (keptWhole(entry.path)) return whole;
  const elf = bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
  if (!elf) return { size: bytes.length, ranges: [{ offset: 0, bytes: bytes.slice(0, HEAD_BYTES) }] };
  const plan = dynamicPlan(bytes, bytes.length);
  const dynamic = plan && bytes.subarray(plan.dynamic.offset, plan.dynamic.end);
  const trimmed = plan && dynamic ? trimmedRanges(plan, bytes, dynamic, bytes.length) : [];
  const tables = plan && dynamic ? tableRanges(plan, dynamic, bytes.length) : [];
  const kept =
    trimmed.length > 0 ? merged(trimmed) : withTables(keptRanges(bytes, bytes.length), tables, bytes.length);
  const ranges = kept.map((r) => ({
    offset: r.start,
    bytes: bytes.slice(r.start, r.end),
  }));
  return { size: bytes.length, ranges };
}

/** A kept file as offsets, lengths and a digest of the bytes (a byte-wise toEqual of megabytes is slow). */
function shape(file: SparseFile | undefined) {
  return file?.ranges.map((r) => ({
    offset: r.offset,
    length: r.bytes.length,
    sha: createHash('sha256').update(r.bytes).digest('hex'),
  }));
}

describe('the streaming capture of a layer pass', async () => {
  const layers = [...(await layersOf(SAMPLE)), ...(await layersOf(APP2))];

  it.each([7, 1 << 16])(
    'keeps, in %i-byte chunks, exactly what buffering each file whole keeps',
    (chunkSize) => {
      let elfFiles = 0;
      for (const { entries, bytes } of layers) {
        const prefetch = new LayerPrefetch();
        const files = [...entries]
          .filter((e) => e.kind === 'file' && e.size > 0)
          .sort((a, b) => a.dataOffset - b.dataOffset);
        for (const entry of files) prefetch.add(entry);
        for (let at = 0; at < bytes.length; at += chunkSize)
          prefetch.push(bytes.subarray(at, at + chunkSize));
        const kept = prefetch.finish();
        for (const entry of files) {
          const expected = reference(entry, bytes.subarray(entry.dataOffset, entry.dataOffset + entry.size));
          if (expected.ranges.length > 1) elfFiles++;
          expect(shape(kept.get(entry.dataOffset)), entry.path).toEqual(shape(expected));
        }
      }
      expect(elfFiles).toBeGreaterThan(5);
    },
  );
});

/**
 * An ELF64 shared object laid out as patchelf leaves one: the first segment holds only headers, PT_DYNAMIC sits
 * at 0x2000 and its string table in a segment appended at 0x5000.
 */
function patchedElf(): Uint8Array {
  const bytes = new Uint8Array(0x5100);
  const v = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  v.setUint16(16, 3, true); // ET_DYN
  v.setUint16(18, 62, true); // EM_X86_64
  v.setBigUint64(32, 64n, true); // e_phoff
  v.setUint16(54, 56, true);
  v.setUint16(56, 3, true);
  const phdr = (i: number, type: number, offset: number, vaddr: number, size: number) => {
    const p = 64 + i * 56;
    v.setUint32(p, type, true);
    v.setBigUint64(p + 8, BigInt(offset), true);
    v.setBigUint64(p + 16, BigInt(vaddr), true);
    v.setBigUint64(p + 32, BigInt(size), true);
  };
  phdr(0, 1, 0, 0, 0x200);
  phdr(1, 2, 0x2000, 0x3000, 0x40);
  phdr(2, 1, 0x5000, 0x8000, 0x100);
  const dyn = (i: number, tag: number, value: number) => {
    v.setBigUint64(0x2000 + i * 16, BigInt(tag), true);
    v.setBigUint64(0x2000 + i * 16 + 8, BigInt(value), true);
  };
  dyn(0, 1, 1); // DT_NEEDED "libc.so.6"
  dyn(1, 5, 0x8000); // DT_STRTAB
  dyn(2, 10, 0x20); // DT_STRSZ
  bytes.set(new TextEncoder().encode('\0libc.so.6\0'), 0x5000);
  return bytes;
}

describe('the dynamic tables of a patched ELF file', () => {
  it('are kept when they lie past PT_DYNAMIC, in any chunk size', () => {
    const bytes = patchedElf();
    for (const chunk of [7, 4096, 1 << 16]) {
      const prefetch = new LayerPrefetch();
      prefetch.add({
        path: '/usr/lib/libpatched.so',
        kind: 'file',
        size: bytes.length,
        dataOffset: 0,
      } as TarEntry);
      for (let at = 0; at < bytes.length; at += chunk) prefetch.push(bytes.subarray(at, at + chunk));
      const file = prefetch.finish().get(0)!;
      // The ELF reader's aligned block holding the string table is served from memory.
      const block = readSparse(file, 0x4000, 0x2000);
      expect(
        block && Buffer.from(block).equals(Buffer.from(bytes.subarray(0x4000, 0x5100))),
        `${chunk}`,
      ).toBe(true);
    }
  });
});

describe('a static ELF file', () => {
  it('keeps its program headers only: with no PT_DYNAMIC the loader reads nothing else', () => {
    const bytes = patchedElf();
    // PT_DYNAMIC becomes PT_NOTE: a file the loader maps but never links.
    new DataView(bytes.buffer).setUint32(64 + 56, 4, true);
    // A first segment that spans the whole file, as code does in a static binary.
    new DataView(bytes.buffer).setBigUint64(64 + 32, 0x5100n, true);
    expect(keptRanges(bytes, bytes.length)).toEqual([{ start: 0, end: 0x2000 }]);
    expect(keptRanges(patchedElf(), bytes.length)).toEqual([{ start: 0, end: 0x4000 }]);
  });
});

describe('prefetched layer contents', () => {
  it('serve exactly the bytes a decoding read gives, for every file head and ELF block', async () => {
    const session = await ArchiveSession.open(await openFileSource(SAMPLE), nodeEnv);
    const image = session.info.images[0]!;
    await session.indexImage(image);
    await session.warmContents(image);
    let elfFiles = 0;
    for (const layer of image.layers) {
      const index = session.status(layer).index!;
      const files = index.entries.toArray().filter((e) => e.kind === 'file' && e.size > 0);
      for (const entry of files.filter((_, i) => i % 7 === 0)) {
        const head = await session.readEntry(image, layer.index, entry, 0, 8192);
        const truth = await readLayerBytes(
          session.scan,
          nodeEnv,
          layer,
          index,
          entry.dataOffset,
          Math.min(8192, entry.size),
        );
        expect(Buffer.from(head).equals(Buffer.from(truth)), entry.path).toBe(true);
        if (head[0] === 0x7f && head[1] === 0x45) elfFiles++;
      }
    }
    expect(elfFiles).toBeGreaterThan(5);
  });
});
