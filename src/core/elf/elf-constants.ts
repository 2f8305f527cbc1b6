/**
 * ELF numbers the loader emulation needs (System V gABI, glibc elf/elf.h). Only program headers and dynamic
 * tags: the loader never reads section headers, so neither do we.
 */

export const ELFCLASS32 = 1;
export const ELFCLASS64 = 2;
export const ELFDATA2LSB = 1;
export const ELFDATA2MSB = 2;

export const ET_EXEC = 2;
export const ET_DYN = 3;

export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;

export const DT_NULL = 0;
export const DT_PLTRELSZ = 2;
export const DT_RELA = 7;
export const DT_RELASZ = 8;
export const DT_RELAENT = 9;
export const DT_REL = 17;
export const DT_RELSZ = 18;
export const DT_RELENT = 19;
export const DT_PLTREL = 20;
export const DT_JMPREL = 23;
export const DT_NEEDED = 1;
export const DT_HASH = 4;
export const DT_STRTAB = 5;
export const DT_SYMTAB = 6;
export const DT_STRSZ = 10;
export const DT_SYMENT = 11;
export const DT_SONAME = 14;
export const DT_RPATH = 15;
export const DT_FLAGS = 30;
export const DT_RUNPATH = 29;
export const DT_GNU_HASH = 0x6ffffef5;
export const DT_VERSYM = 0x6ffffff0;
export const DT_FLAGS_1 = 0x6ffffffb;
export const DT_VERDEF = 0x6ffffffc;
export const DT_VERDEFNUM = 0x6ffffffd;
export const DT_VERNEED = 0x6ffffffe;
export const DT_VERNEEDNUM = 0x6fffffff;
export const DT_AUXILIARY = 0x7ffffffd;
export const DT_FILTER = 0x7fffffff;

export const DF_1_NODEFLIB = 0x800;
export const DF_1_PIE = 0x08000000;

export const VER_FLG_BASE = 1;
export const VER_FLG_WEAK = 2;
export const VERSYM_HIDDEN = 0x8000;

export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STB_WEAK = 2;
export const STB_GNU_UNIQUE = 10;
export const SHN_UNDEF = 0;

export const EM_386 = 3;
export const EM_MIPS = 8;
export const EM_PPC = 20;
export const EM_PPC64 = 21;
export const EM_S390 = 22;
export const EM_ARM = 40;
export const EM_X86_64 = 62;
export const EM_AARCH64 = 183;
export const EM_RISCV = 243;
export const EM_LOONGARCH = 258;

const MACHINE_NAMES: Readonly<Record<number, string>> = {
  [EM_386]: 'i386',
  [EM_MIPS]: 'mips',
  [EM_PPC]: 'ppc',
  [EM_PPC64]: 'ppc64',
  [EM_S390]: 's390',
  [EM_ARM]: 'arm',
  [EM_X86_64]: 'x86_64',
  [EM_AARCH64]: 'aarch64',
  [EM_RISCV]: 'riscv',
  [EM_LOONGARCH]: 'loongarch',
};

export function machineName(machine: number): string {
  return MACHINE_NAMES[machine] ?? `machine ${machine}`;
}

/**
 * Hard caps so that a hostile file (huge counts, loops through `*_next` offsets) costs bounded time and memory.
 * Real binaries stay far below: curl has 13 program headers, libc 37 dynamic entries, libLLVM ~60k symbols.
 */
export const LIMITS = {
  programHeaders: 1024,
  dynamicEntries: 8192,
  needed: 2048,
  versionRecords: 4096,
  stringBytes: 4096,
  symbols: 1_000_000,
  relocations: 4_000_000,
  gnuHashBuckets: 1 << 22,
} as const;
