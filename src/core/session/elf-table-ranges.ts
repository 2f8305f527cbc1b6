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
  return loaderTables(plan, dynamic, size).filter((r) => r.start >= plan.dynamic.end);
}

/**
 * The file ranges of every table PT_DYNAMIC points to that the ELF reader follows, wherever they lie: a sized
 * table to its size, any other up to the next table, PT_DYNAMIC or code address the dynamic section names (the
 * linker lays them out back to back), else its segment's end; sorted, not widened. Empty when the dynamic
 * section names no string table that lies in the file (then nothing can be said of what is read).
 */
export function loaderTables(
  plan: DynamicPlan,
  dynamic: Uint8Array,
  size: number,
): { start: number; end: number }[] {
  const tags = dynamicTags(plan, dynamic);
  const at = (tag: number) => {
    const vaddr = tags.get(tag);
    const offset = vaddr === undefined ? undefined : vaddrToOffset(plan.loads, vaddr);
    return offset !== undefined && offset < size ? offset : undefined;
  };
  if (at(C.DT_STRTAB) === undefined) return [];
  const marks = [...OPEN_TABLES, ...BOUNDARY_TAGS, ...SIZED_TABLES.map(([tag]) => tag)]
    .map(at)
    .filter((o): o is number => o !== undefined);
  marks.push(plan.dynamic.offset);
  const ranges: { start: number; end: number }[] = [];
  const add = (start: number, end: number) => {
    const segment = plan.loads.find((l) => start >= l.offset && start < l.offset + l.filesz)!;
    const limit = Math.min(size, start + MAX_TABLE_BYTES, segment.offset + segment.filesz);
    ranges.push({ start, end: Math.max(Math.min(end, limit), start + 1) });
  };
  for (const [tag, sizeTag] of SIZED_TABLES) {
    const start = at(tag);
    const length = tags.get(sizeTag);
    if (start !== undefined) add(start, length === undefined ? start : start + length);
  }
  for (const tag of OPEN_TABLES) {
    const start = at(tag);
    if (start === undefined) continue;
    const next = Math.min(...marks.filter((m) => m > start));
    add(start, Number.isFinite(next) ? next : Number.POSITIVE_INFINITY);
  }
  return ranges.sort((a, b) => a.start - b.start);
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
