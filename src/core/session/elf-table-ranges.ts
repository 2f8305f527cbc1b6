/**
 * The dynamic tables the ELF reader follows (strings, version needs and definitions, symbol hash tables) sit
 * in the first loadable segment, which the layer pass keeps, in nearly every file. A file rewritten by patchelf
 * (bundled Python and Node builds, for instance) has them moved to a segment appended after PT_DYNAMIC. The
 * pass learns where they are once it has passed PT_DYNAMIC; tables that start after it are still ahead in the
 * stream and are kept too, so that reading such a file later does not decode its layer again from the start.
 */
import { ByteView } from '../elf/byte-view';
import * as C from '../elf/elf-constants';
import type { ProgramHeader } from '../elf/elf-types';
import { vaddrToOffset } from '../elf/parse-elf-header';

/** A table's range is kept up to the end of its segment, at most this many bytes. */
const MAX_TABLE_BYTES = 8 * 1024 * 1024;
const TABLE_TAGS = [C.DT_STRTAB, C.DT_VERNEED, C.DT_VERDEF, C.DT_HASH, C.DT_GNU_HASH];

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
 * The file ranges of the tables PT_DYNAMIC (its bytes, `dynamic`) points to that start at or after its end,
 * each up to its segment's end (the string table: its DT_STRSZ); sorted, not widened.
 */
export function tableRanges(
  plan: DynamicPlan,
  dynamic: Uint8Array,
  size: number,
): { start: number; end: number }[] {
  const v = new ByteView(dynamic, plan.littleEndian);
  const entry = plan.is64 ? 16 : 8;
  const tags = new Map<number, number>();
  for (let at = 0; at + entry <= dynamic.length; at += entry) {
    const tag = plan.is64 ? v.u64(at) : v.u32(at);
    if (tag === C.DT_NULL) break;
    if (!tags.has(tag)) tags.set(tag, plan.is64 ? v.u64(at + 8) : v.u32(at + 4));
  }
  const ranges: { start: number; end: number }[] = [];
  for (const tag of TABLE_TAGS) {
    const vaddr = tags.get(tag);
    const start = vaddr === undefined ? undefined : vaddrToOffset(plan.loads, vaddr);
    if (start === undefined || start < plan.dynamic.end || start >= size) continue;
    const segment = plan.loads.find((l) => start >= l.offset && start < l.offset + l.filesz)!;
    const strsz = tag === C.DT_STRTAB ? tags.get(C.DT_STRSZ) : undefined;
    const end = Math.min(
      size,
      start + MAX_TABLE_BYTES,
      strsz === undefined ? segment.offset + segment.filesz : start + strsz,
    );
    ranges.push({ start, end: Math.max(end, start + 1) });
  }
  return ranges.sort((a, b) => a.start - b.start);
}
