/** What the ELF reader reports: the header, PT_INTERP and the dynamic section, never section headers. */
import type { Said } from '../model/said';

/** Ranged reads of one file; undefined when the file is gone or unreadable. */
export interface ByteReader {
  read(offset: number, length: number): Promise<Uint8Array | undefined>;
}

export interface ElfHeader {
  readonly class: 32 | 64;
  readonly littleEndian: boolean;
  /** e_ident[EI_DATA] as stored (1 LSB, 2 MSB; anything else is reported as a problem). */
  readonly data: number;
  /** e_ident[EI_VERSION]; glibc refuses anything but 1. */
  readonly identVersion: number;
  readonly osabi: number;
  readonly abiVersion: number;
  /** True when e_ident[9..15] are all zero (glibc: "nonzero padding in e_ident"). */
  readonly identPaddingZero: boolean;
  readonly type: number;
  readonly machine: number;
  /** e_version. */
  readonly version: number;
  readonly flags: number;
  readonly phoff: number;
  readonly phentsize: number;
  readonly phnum: number;
  readonly shnum: number;
}

export interface ProgramHeader {
  readonly type: number;
  readonly flags: number;
  readonly offset: number;
  readonly vaddr: number;
  readonly filesz: number;
  readonly memsz: number;
}

/** One Vernaux of a Verneed: a version required from `file`. */
export interface VersionNeed {
  readonly file: string;
  readonly version: string;
  readonly hash: number;
  readonly weak: boolean;
  /** The versym index symbols use to refer to this version. */
  readonly index: number;
}

/** One Verdef: the first name is the version, later names are its parents. */
export interface VersionDef {
  readonly index: number;
  readonly flags: number;
  readonly names: readonly string[];
}

export interface DynamicInfo {
  readonly needed: readonly string[];
  readonly soname: string | undefined;
  readonly rpath: string | undefined;
  readonly runpath: string | undefined;
  readonly flags: number;
  readonly flags1: number;
  readonly filters: readonly string[];
  readonly auxiliary: readonly string[];
  readonly versionNeeds: readonly VersionNeed[];
  readonly versionDefs: readonly VersionDef[];
  readonly hasVersym: boolean;
  /** Number of dynamic symbols from DT_HASH or DT_GNU_HASH; undefined when neither is readable. */
  readonly symbolCount: number | undefined;
  /** File offsets for a later symbol read; undefined when the vaddr maps to no PT_LOAD. */
  readonly layout: DynamicLayout;
}

/** One relocation table (DT_RELA/DT_REL or DT_JMPREL) as file offsets. */
export interface RelocationTable {
  readonly offset: number;
  readonly size: number;
  readonly entrySize: number;
  readonly rela: boolean;
  readonly plt: boolean;
}

export interface DynamicLayout {
  /** DT_RELA or DT_REL first, then DT_JMPREL: the order glibc's ELF_DYNAMIC_RELOCATE processes them. */
  readonly relocations: readonly RelocationTable[];
  readonly strtabOffset: number | undefined;
  readonly strtabSize: number;
  readonly symtabOffset: number | undefined;
  readonly symentSize: number;
  readonly versymOffset: number | undefined;
}

export interface ElfFile {
  readonly ok: true;
  readonly header: ElfHeader;
  readonly programHeaders: readonly ProgramHeader[];
  /** The PT_INTERP path, undefined without one. */
  readonly interpreter: string | undefined;
  /** Undefined for a file without PT_DYNAMIC (static executable, object file). */
  readonly dynamic: DynamicInfo | undefined;
  /** Non-fatal oddities (a cap reached, an offset outside the file): the rest is still usable. */
  readonly problems: readonly string[];
  /** The same problems by name (`elfSentences`), for the page to say in its language. */
  readonly problemSentences: readonly Said[];
}

export interface ElfFailure {
  readonly ok: false;
  readonly code: 'unreadable' | 'too-short' | 'not-elf' | 'bad-header';
  readonly reason: string;
  /** The first bytes (up to 64) as read, so a loader can apply its own checks. */
  readonly head: Uint8Array;
}

export type ElfResult = ElfFile | ElfFailure;

/** A relocation that names a symbol: its dynsym index and its raw type. */
export interface SymbolRelocation {
  readonly symbol: number;
  readonly type: number;
  readonly plt: boolean;
}

export interface DynamicSymbol {
  readonly name: string;
  readonly bind: number;
  readonly type: number;
  readonly shndx: number;
  readonly value: number;
  /** Versym entry (0 local, 1 global, ≥2 version index; bit 0x8000 hidden); undefined without DT_VERSYM. */
  readonly versym: number | undefined;
}
