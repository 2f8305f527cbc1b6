/**
 * The dynamic tables the ELF reader follows (strings, symbols, versions, hash tables, relocations) are found from
 * PT_DYNAMIC. The layer pass uses them twice: tables a patchelf-rewritten file (bundled Python and Node builds, for
 * instance) has moved past PT_DYNAMIC are still ahead in the stream and are kept as they pass, and once PT_DYNAMIC
 * is known, what is kept of the file is cut down to these tables, its headers and PT_INTERP, instead of the whole
 * first loadable segment (mostly code in a file linked without -z separate-code).
 */
import { ByteView } from '../elf/byte-view';
import * as C from '../elf/elf-constants';
import type { ProgramHeader } from '../elf/elf-types';
import { vaddrToOffset } from '../elf/parse-elf-header';

/** A table's range is kept up to the next table or code it is followed by, at most this many bytes. */
const MAX_TABLE_BYTES = 8 * 1024 * 1024;
/** Tables the ELF reader follows whose length the dynamic section does not give: each ends where the next thing starts. */
const OPEN_TABLES = [C.DT_SYMTAB, C.DT_VERSYM, C.DT_VERNEED, C.DT_VERDEF, C.DT_HASH, C.DT_GNU_HASH];
/** Tables with their length beside them (relocations are read for the symbol check). */
const SIZED_TABLES: readonly (readonly [number, number])[] = [
  [C.DT_STRTAB, C.DT_STRSZ],
  [C.DT_RELA, C.DT_RELASZ],
  [C.DT_REL, C.DT_RELSZ],
  [C.DT_JMPREL, C.DT_PLTRELSZ],
];
/**
 * Addresses that only mark where an open table must end, code, data and arrays the linker puts after the tables:
 * DT_PLTGOT, DT_INIT, DT_FINI, DT_INIT_ARRAY, DT_FINI_ARRAY, DT_PREINIT_ARRAY (the ELF reader does not follow them).
 */
const BOUNDARY_TAGS = [3, 12, 13, 25, 26, 32];
const SIZED_TAGS = SIZED_TABLES.map(([tag]) => tag);

/** What finding the tables needs from an ELF file's header prefix: its PT_LOADs and where PT_DYNAMIC lies. */
export interface DynamicPlan {
  readonly is64: boolean;
  readonly littleEndian: boolean;
  readonly loads: readonly ProgramHeader[];
  readonly dynamic: { readonly offset: number; readonly end: number };
}

/** The plan, from a prefix holding the program header table; undefined without PT_DYNAMIC. */
export function dynamicPlan(header: Uint8Array, size: number): DynamicPlan | undefined {
  const is64 = header[4] === 2;
  const littleEndian = header[5] !== 2;
  const v = new ByteView(header, littleEndian);
  const phoff = is64 ? v.u64(32) : v.u32(28);
  const phentsize = v.u16(is64 ? 54 : 42);
  const phnum = Math.min(v.u16(is64 ? 56 : 44), C.LIMITS.programHeaders);
  const loads: ProgramHeader[] = [];
  let dynamic: DynamicPlan['dynamic'] | undefined;
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize;
    if (!v.has(p, is64 ? 56 : 32)) break;
    const type = v.u32(p);
    const offset = is64 ? v.u64(p + 8) : v.u32(p + 4);
    const vaddr = is64 ? v.u64(p + 16) : v.u32(p + 8);
    const filesz = is64 ? v.u64(p + 32) : v.u32(p + 16);
    if (type === C.PT_LOAD) loads.push({ type, flags: 0, offset, vaddr, filesz, memsz: filesz });
    else if (type === C.PT_DYNAMIC && dynamic === undefined && offset < size)
      dynamic = { offset, end: Math.min(size, offset + filesz) };
  }
  return dynamic === undefined ? undefined : { is64, littleEndian, loads, dynamic };
}

/**
 * The file ranges of the tables PT_DYNAMIC (its bytes, `dynamic`) points to that start at or after its end;
 * sorted, not widened.
 */
export function tableRanges(
  plan: DynamicPlan,
  dynamic: Uint8Array,
  size: number,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const r of loaderTables(plan, dynamic, size)) if (r.start >= plan.dynamic.end) out.push(r);
  return out;
}

/** Where the table `tag` names lies in the file, if it lies before `size`. */
function tableAt(
  plan: DynamicPlan,
  tags: Map<number, number>,
  size: number,
  tag: number,
): number | undefined {
  const vaddr = tags.get(tag);
  const offset = vaddr === undefined ? undefined : vaddrToOffset(plan.loads, vaddr);
  return offset !== undefined && offset < size ? offset : undefined;
}

/** A table from `start` to `end`, cut at MAX_TABLE_BYTES, its segment's end and the file's. */
function tableRange(
  plan: DynamicPlan,
  size: number,
  start: number,
  end: number,
): { start: number; end: number } {
  let limit = Math.min(size, start + MAX_TABLE_BYTES);
  for (const l of plan.loads) {
    if (start >= l.offset && start < l.offset + l.filesz) {
      limit = Math.min(limit, l.offset + l.filesz);
      break;
    }
  }
  return { start, end: Math.max(Math.min(end, limit), start + 1) };
}

/** Ranges by where they start (one comparator for every sort of ranges here and in elf-kept-ranges.ts). */
export const byStart = (a: { start: number }, b: { start: number }): number => a.start - b.start;

/**
 * The file ranges of every table PT_DYNAMIC points to that the ELF reader follows, wherever they lie: a sized
 * table to its size, any other up to the next table, PT_DYNAMIC or code address the dynamic section names (the
 * linker lays them out back to back), else its segment's end; sorted, not widened. Empty when the dynamic
 * section names no string table that lies in the file (then nothing can be said of what is read). Loops and
 * module-level helpers, not closures made per call: this runs once per ELF file (elf-kept-ranges.ts).
 */
export function loaderTables(
  plan: DynamicPlan,
  dynamic: Uint8Array,
  size: number,
): { start: number; end: number }[] {
  const tags = dynamicTags(plan, dynamic);
  if (tableAt(plan, tags, size, C.DT_STRTAB) === undefined) return [];
  const marks: number[] = [plan.dynamic.offset];
  for (const named of [OPEN_TABLES, BOUNDARY_TAGS, SIZED_TAGS])
    for (const tag of named) {
      const offset = tableAt(plan, tags, size, tag);
      if (offset !== undefined) marks.push(offset);
    }
  const ranges: { start: number; end: number }[] = [];
  for (const [tag, sizeTag] of SIZED_TABLES) {
    const start = tableAt(plan, tags, size, tag);
    const length = tags.get(sizeTag);
    if (start !== undefined)
      ranges.push(tableRange(plan, size, start, length === undefined ? start : start + length));
  }
  for (const tag of OPEN_TABLES) {
    const start = tableAt(plan, tags, size, tag);
    if (start === undefined) continue;
    let next = Number.POSITIVE_INFINITY;
    for (const m of marks) if (m > start && m < next) next = m;
    ranges.push(tableRange(plan, size, start, next));
  }
  return ranges.sort(byStart);
}

/** The dynamic section's tags up to DT_NULL, the first value of each (as ld.so keeps them). */
function dynamicTags(plan: DynamicPlan, dynamic: Uint8Array): Map<number, number> {
  const v = new ByteView(dynamic, plan.littleEndian);
  const entry = plan.is64 ? 16 : 8;
  const tags = new Map<number, number>();
  for (let at = 0; at + entry <= dynamic.length; at += entry) {
    const tag = plan.is64 ? v.u64(at) : v.u32(at);
    if (tag === C.DT_NULL) break;
    if (!tags.has(tag)) tags.set(tag, plan.is64 ? v.u64(at + 8) : v.u32(at + 4));
  }
  return tags;
}
