import { ByteView } from './byte-view';
import * as C from './elf-constants';
import { addProblem, type ElfProblems } from './elf-sentences';
import type {
  ByteReader,
  DynamicInfo,
  DynamicLayout,
  ElfHeader,
  ProgramHeader,
  RelocationTable,
} from './elf-types';
import { countSymbols } from './count-symbols';
import { vaddrToOffset } from './parse-elf-header';
import { readVersionDefs, readVersionNeeds } from './parse-versions';
import { StringTable } from './string-table';

interface RawDynamic {
  readonly tags: Map<number, number>;
  readonly needed: number[];
  readonly filters: number[];
  readonly auxiliary: number[];
}

/** The PT_DYNAMIC entries up to DT_NULL; single-valued tags keep their first occurrence, as ld.so does. */
async function readRawDynamic(
  reader: ByteReader,
  header: ElfHeader,
  dyn: ProgramHeader,
  problems: ElfProblems,
): Promise<RawDynamic | undefined> {
  const is64 = header.class === 64;
  const entSize = is64 ? 16 : 8;
  const length = Math.min(dyn.filesz, C.LIMITS.dynamicEntries * entSize);
  const bytes = await reader.read(dyn.offset, length);
  if (bytes === undefined || bytes.length < entSize) {
    addProblem(problems, 'dynamic-outside');
    return undefined;
  }
  const v = new ByteView(bytes, header.littleEndian);
  const raw: RawDynamic = { tags: new Map(), needed: [], filters: [], auxiliary: [] };
  let terminated = false;
  for (let at = 0; at + entSize <= bytes.length; at += entSize) {
    const tag = is64 ? v.u64(at) : v.u32(at);
    const value = v.word(at + entSize / 2, is64);
    if (tag === C.DT_NULL) {
      terminated = true;
      break;
    }
    if (tag === C.DT_NEEDED) {
      if (raw.needed.length < C.LIMITS.needed) raw.needed.push(value);
    } else if (tag === C.DT_FILTER) raw.filters.push(value);
    else if (tag === C.DT_AUXILIARY) raw.auxiliary.push(value);
    else if (!raw.tags.has(tag)) raw.tags.set(tag, value);
  }
  if (!terminated) addProblem(problems, 'dynamic-no-null');
  if (raw.needed.length >= C.LIMITS.needed) addProblem(problems, 'needed-capped', { limit: C.LIMITS.needed });
  return raw;
}

async function strings(
  table: StringTable,
  indexes: readonly number[],
  problems: ElfProblems,
): Promise<string[]> {
  const result: string[] = [];
  for (const index of indexes) {
    const s = await table.get(index);
    if (s === undefined) addProblem(problems, 'string-outside', { offset: index });
    else result.push(s);
  }
  return result;
}

async function optionalString(
  table: StringTable,
  index: number | undefined,
  problems: ElfProblems,
): Promise<string | undefined> {
  if (index === undefined) return undefined;
  const [s] = await strings(table, [index], problems);
  return s;
}

function mapPtr(
  phdrs: readonly ProgramHeader[],
  raw: RawDynamic,
  tag: number,
  name: string,
  problems: ElfProblems,
): number | undefined {
  const va = raw.tags.get(tag);
  if (va === undefined) return undefined;
  const off = vaddrToOffset(phdrs, va);
  if (off === undefined) addProblem(problems, 'pointer-unmapped', { tag: name, address: va.toString(16) });
  return off;
}

function relocationTables(
  header: ElfHeader,
  phdrs: readonly ProgramHeader[],
  raw: RawDynamic,
  problems: ElfProblems,
): RelocationTable[] {
  const tables: RelocationTable[] = [];
  const word = header.class === 64 ? 8 : 4;
  const rela = mapPtr(phdrs, raw, C.DT_RELA, 'DT_RELA', problems);
  const rel = mapPtr(phdrs, raw, C.DT_REL, 'DT_REL', problems);
  if (rela !== undefined) {
    const entrySize = raw.tags.get(C.DT_RELAENT) ?? 3 * word;
    tables.push({ offset: rela, size: raw.tags.get(C.DT_RELASZ) ?? 0, entrySize, rela: true, plt: false });
  } else if (rel !== undefined) {
    const entrySize = raw.tags.get(C.DT_RELENT) ?? 2 * word;
    tables.push({ offset: rel, size: raw.tags.get(C.DT_RELSZ) ?? 0, entrySize, rela: false, plt: false });
  }
  const jmprel = mapPtr(phdrs, raw, C.DT_JMPREL, 'DT_JMPREL', problems);
  if (jmprel !== undefined) {
    const isRela = raw.tags.get(C.DT_PLTREL) === C.DT_RELA;
    const entrySize = isRela ? 3 * word : 2 * word;
    const size = raw.tags.get(C.DT_PLTRELSZ) ?? 0;
    // Some linkers put .rela.plt inside the DT_RELA range: ld.so then processes those entries once, in place.
    const first = tables[0];
    if (first !== undefined && jmprel >= first.offset && jmprel + size <= first.offset + first.size)
      return tables;
    tables.push({ offset: jmprel, size, entrySize, rela: isRela, plt: true });
  }
  return tables;
}

export async function readDynamic(
  reader: ByteReader,
  header: ElfHeader,
  phdrs: readonly ProgramHeader[],
  dyn: ProgramHeader,
  problems: ElfProblems,
): Promise<DynamicInfo | undefined> {
  const raw = await readRawDynamic(reader, header, dyn, problems);
  if (raw === undefined) return undefined;
  const strtabOffset = mapPtr(phdrs, raw, C.DT_STRTAB, 'DT_STRTAB', problems);
  const strtabSize = raw.tags.get(C.DT_STRSZ) ?? 0;
  const layout: DynamicLayout = {
    relocations: relocationTables(header, phdrs, raw, problems),
    strtabOffset,
    strtabSize,
    symtabOffset: mapPtr(phdrs, raw, C.DT_SYMTAB, 'DT_SYMTAB', problems),
    symentSize: raw.tags.get(C.DT_SYMENT) ?? (header.class === 64 ? 24 : 16),
    versymOffset: mapPtr(phdrs, raw, C.DT_VERSYM, 'DT_VERSYM', problems),
  };
  const table = new StringTable(reader, strtabOffset ?? 0, strtabOffset === undefined ? 0 : strtabSize);
  const ctx = { reader, header, table, problems };
  const verneedOffset = mapPtr(phdrs, raw, C.DT_VERNEED, 'DT_VERNEED', problems);
  const verdefOffset = mapPtr(phdrs, raw, C.DT_VERDEF, 'DT_VERDEF', problems);
  return {
    needed: await strings(table, raw.needed, problems),
    soname: await optionalString(table, raw.tags.get(C.DT_SONAME), problems),
    rpath: await optionalString(table, raw.tags.get(C.DT_RPATH), problems),
    runpath: await optionalString(table, raw.tags.get(C.DT_RUNPATH), problems),
    flags: raw.tags.get(C.DT_FLAGS) ?? 0,
    flags1: raw.tags.get(C.DT_FLAGS_1) ?? 0,
    filters: await strings(table, raw.filters, problems),
    auxiliary: await strings(table, raw.auxiliary, problems),
    versionNeeds:
      verneedOffset === undefined
        ? []
        : await readVersionNeeds(ctx, verneedOffset, raw.tags.get(C.DT_VERNEEDNUM) ?? 0),
    versionDefs:
      verdefOffset === undefined
        ? []
        : await readVersionDefs(ctx, verdefOffset, raw.tags.get(C.DT_VERDEFNUM) ?? 0),
    hasVersym: layout.versymOffset !== undefined,
    symbolCount: await countSymbols(reader, header, {
      hash: mapPtr(phdrs, raw, C.DT_HASH, 'DT_HASH', problems),
      gnuHash: mapPtr(phdrs, raw, C.DT_GNU_HASH, 'DT_GNU_HASH', problems),
      problems,
    }),
    layout,
  };
}
