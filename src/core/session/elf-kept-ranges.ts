/**
 * Which byte ranges of an ELF file the layer pass keeps (elf-prefetch.ts): from its header prefix, the headers,
 * PT_INTERP, PT_DYNAMIC and the first loadable segment; once PT_DYNAMIC is known, the headers and the tables it
 * points to (elf-table-ranges.ts). Ranges are widened to the ELF reader's blocks, so that its reads fall inside.
 */
import { ByteView } from '../elf/byte-view';
import { byStart, loaderTables, type DynamicPlan } from './elf-table-ranges';

/** Bytes kept of every file: enough for any magic number. */
export const HEAD_BYTES = 64;
const HEAD = HEAD_BYTES;
/** A first segment larger than this (no -z separate-code) is kept only up to here. */
const MAX_FIRST_SEGMENT = 8 * 1024 * 1024;

/**
 * The ranges of an ELF file the loader emulation reads; the whole head when it is not a sane ELF. `bytes`
 * is the file, or a prefix of it holding the program header table (headerLength); `size` is the file's size.
 * `firstSegment`: whether the first loadable segment is among them (false once the tables' places are known).
 */
export function elfRanges(
  bytes: Uint8Array,
  size: number = bytes.length,
  firstSegment = true,
): { offset: number; length: number }[] {
  // ByteView's reads, not closures made per call: this runs once per ELF file of a layer, and V8 compiles a
  // closure made afresh on each call anew (bench/compare/README.md, "Closures made once").
  const v = new ByteView(bytes, bytes[5] !== 2);
  const is64 = bytes[4] === 2;
  const phoff = v.word(is64 ? 32 : 28, is64);
  const phentsize = v.u16(is64 ? 54 : 42);
  const phnum = Math.min(v.u16(is64 ? 56 : 44), 256);
  const ranges = [{ offset: 0, length: Math.max(HEAD, phoff + phentsize * phnum) }];
  // Without PT_DYNAMIC (a static binary) nothing past the program headers and PT_INTERP is read.
  let firstLoad = false;
  for (let i = 0; i < phnum && !firstLoad; i++) firstLoad = v.u32(phoff + i * phentsize) === 2;
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize;
    const type = v.u32(p);
    const offset = v.word(is64 ? p + 8 : p + 4, is64);
    const filesz = v.word(is64 ? p + 32 : p + 16, is64);
    if (type === 1 && firstLoad) {
      firstLoad = false;
      if (firstSegment) ranges.push({ offset, length: Math.min(filesz, MAX_FIRST_SEGMENT) });
    } else if (type === 2 || type === 3) ranges.push({ offset, length: filesz });
  }
  const out: { offset: number; length: number }[] = [];
  for (const r of ranges)
    out.push({ offset: Math.min(r.offset, size), length: Math.max(0, Math.min(r.length, size - r.offset)) });
  return out;
}

/**
 * How much of an ELF file elfRanges reads: the program header table's end, found from the first HEAD
 * bytes (the table may sit anywhere; a hostile offset only means a longer prefix, never past the file).
 */
export function headerLength(head: Uint8Array, size: number): number {
  const [first] = elfRanges(head.subarray(0, HEAD), Number.MAX_SAFE_INTEGER);
  return Math.min(size, Math.max(HEAD, first?.length ?? HEAD));
}

/** The ELF reader reads in aligned blocks of this size: kept ranges are widened to whole blocks. */
const BLOCK = 8192;

/** The kept ranges of an ELF file (from its header prefix): elfRanges widened to whole blocks and merged. */
export function keptRanges(header: Uint8Array, size: number): { start: number; end: number }[] {
  return inBlocks(elfRanges(header, size), size);
}

/** Kept ranges and the dynamic tables found past PT_DYNAMIC (elf-table-ranges.ts), in whole blocks. */
export function withTables(
  kept: readonly { start: number; end: number }[],
  tables: readonly { start: number; end: number }[],
  size: number,
): { start: number; end: number }[] {
  return inBlocks(asLengths([...kept, ...tables]), size);
}

function asLengths(ranges: readonly { start: number; end: number }[]): { offset: number; length: number }[] {
  const out: { offset: number; length: number }[] = [];
  for (const r of ranges) out.push({ offset: r.start, length: r.end - r.start });
  return out;
}

/** Each range widened to the whole blocks it touches (not merged). */
function widened(ranges: readonly { offset: number; length: number }[], size: number) {
  const out: { start: number; end: number }[] = [];
  for (const r of ranges)
    out.push({
      start: Math.floor(r.offset / BLOCK) * BLOCK,
      end: Math.min(size, Math.ceil((r.offset + r.length) / BLOCK) * BLOCK),
    });
  return out;
}

function inBlocks(ranges: readonly { offset: number; length: number }[], size: number) {
  return merged(widened(ranges, size));
}

/** Ranges sorted and merged where they touch. */
export function merged(ranges: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const r of [...ranges].sort(byStart)) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/**
 * What the loader emulation reads of an ELF file once its PT_DYNAMIC (`dynamic`) is known: headers, PT_INTERP,
 * PT_DYNAMIC and the tables it points to, each widened to whole blocks (not merged); empty when the dynamic
 * section names no string table in the file.
 */
export function trimmedRanges(
  plan: DynamicPlan,
  header: Uint8Array,
  dynamic: Uint8Array,
  size: number,
): { start: number; end: number }[] {
  const tables = loaderTables(plan, dynamic, size);
  if (tables.length === 0) return [];
  return widened([...elfRanges(header, size, false), ...asLengths(tables)], size);
}
