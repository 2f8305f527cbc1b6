import { hasElfMagic } from '../model/content-kind';
import { ByteView } from './byte-view';
import { ELFCLASS32, ELFCLASS64, ELFDATA2MSB, LIMITS } from './elf-constants';
import type { ByteReader, ElfFailure, ElfHeader, ProgramHeader } from './elf-types';
import { addProblem, type ElfProblems } from './elf-sentences';

const EHDR32_SIZE = 52;
const PHDR64_SIZE = 56;
const PHDR32_SIZE = 32;

/** Header fields at the ELF32 / ELF64 offsets of the gABI; the class byte picks the layout. */
export function parseElfHeader(head: Uint8Array): ElfHeader | ElfFailure {
  if (head.length < 16 || !hasElfMagic(head)) {
    const code = head.length < 4 ? 'too-short' : 'not-elf';
    return { ok: false, code, reason: 'not an ELF file (no \\x7fELF magic)', head };
  }
  const elfClass = head[4];
  if (elfClass !== ELFCLASS32 && elfClass !== ELFCLASS64) {
    return { ok: false, code: 'bad-header', reason: `unknown ELF class ${elfClass ?? 0}`, head };
  }
  const is64 = elfClass === ELFCLASS64;
  if (head.length < (is64 ? 64 : EHDR32_SIZE)) {
    return { ok: false, code: 'too-short', reason: 'file too short for an ELF header', head };
  }
  const data = head[5] ?? 0;
  const v = new ByteView(head, data !== ELFDATA2MSB);
  return {
    class: is64 ? 64 : 32,
    littleEndian: data !== ELFDATA2MSB,
    data,
    identVersion: head[6] ?? 0,
    osabi: head[7] ?? 0,
    abiVersion: head[8] ?? 0,
    identPaddingZero: head.subarray(9, 16).every((b) => b === 0),
    type: v.u16(16),
    machine: v.u16(18),
    version: v.u32(20),
    phoff: is64 ? v.u64(32) : v.u32(28),
    flags: is64 ? v.u32(48) : v.u32(36),
    phentsize: is64 ? v.u16(54) : v.u16(42),
    phnum: is64 ? v.u16(56) : v.u16(44),
    shnum: is64 ? v.u16(60) : v.u16(48),
  };
}

export function expectedPhentsize(header: ElfHeader): number {
  return header.class === 64 ? PHDR64_SIZE : PHDR32_SIZE;
}

/** Program headers; an ELF32 Phdr keeps p_flags at offset 24, after the sizes (gABI). */
export async function readProgramHeaders(
  reader: ByteReader,
  header: ElfHeader,
  problems: ElfProblems,
): Promise<ProgramHeader[]> {
  const size = expectedPhentsize(header);
  if (header.phnum === 0) return [];
  if (header.phentsize !== size) {
    addProblem(problems, 'phentsize-wrong', { size: header.phentsize, expected: size });
    return [];
  }
  let count = header.phnum;
  if (count > LIMITS.programHeaders) {
    addProblem(problems, 'phdrs-capped', { count, limit: LIMITS.programHeaders });
    count = LIMITS.programHeaders;
  }
  const bytes = await reader.read(header.phoff, count * size);
  if (bytes === undefined || bytes.length < size) {
    addProblem(problems, 'phdrs-outside');
    return [];
  }
  if (bytes.length < count * size) addProblem(problems, 'phdrs-truncated');
  const v = new ByteView(bytes, header.littleEndian);
  const is64 = header.class === 64;
  const result: ProgramHeader[] = [];
  for (let at = 0; at + size <= bytes.length; at += size) {
    result.push(
      is64
        ? {
            type: v.u32(at),
            flags: v.u32(at + 4),
            offset: v.u64(at + 8),
            vaddr: v.u64(at + 16),
            filesz: v.u64(at + 32),
            memsz: v.u64(at + 40),
          }
        : {
            type: v.u32(at),
            offset: v.u32(at + 4),
            vaddr: v.u32(at + 8),
            filesz: v.u32(at + 16),
            memsz: v.u32(at + 20),
            flags: v.u32(at + 24),
          },
    );
  }
  return result;
}

/** d_ptr values are vaddrs: map through the PT_LOAD that holds them in its file image (gABI, "Program Loading"). */
export function vaddrToOffset(phdrs: readonly ProgramHeader[], vaddr: number): number | undefined {
  for (const ph of phdrs) {
    if (ph.type === 1 && vaddr >= ph.vaddr && vaddr < ph.vaddr + ph.filesz) {
      return vaddr - ph.vaddr + ph.offset;
    }
  }
  return undefined;
}
