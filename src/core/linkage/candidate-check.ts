import { ELFDATA2LSB, ELFDATA2MSB, ET_DYN, ET_EXEC, EM_ARM } from '../elf/elf-constants';
import { hasElfMagic } from '../model/content-kind';
import type { ElfResult } from '../elf/elf-types';
import type { TargetMachine } from './cache-lookup';

export type CandidateVerdict =
  | { readonly kind: 'ok' }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'fatal'; readonly message: string };

const OSABI_SYSV = 0;
const OSABI_GNU = 3;
const OSABI_ARM = 97;
// LIBC_ABI_MAX of glibc 2.36 on x86_64 (libc-abis: UNIQUE, IFUNC, ABSOLUTE, X86_64_PLT_BTI... ): GNU ABI < 5.
const LIBC_ABI_MAX = 5;

/**
 * glibc's open_verify (elf/dl-load.c): a wrong class or machine is skipped silently and the search goes on;
 * everything else that is wrong ends the whole load with one of these messages (trace mode included).
 */
export function verifyCandidate(elf: ElfResult, target: TargetMachine): CandidateVerdict {
  if (!elf.ok && elf.code === 'unreadable') return { kind: 'skip', reason: 'cannot be opened' };
  const head = elf.ok ? undefined : elf.head;
  const ehdrSize = target.class === 64 ? 64 : 52;
  if (head !== undefined && head.length < ehdrSize) return { kind: 'fatal', message: 'file too short' };
  if (!elf.ok) {
    if (!hasElfMagic(elf.head)) return { kind: 'fatal', message: 'invalid ELF header' };
    return { kind: 'skip', reason: `wrong ELF class: ELFCLASS${elf.head[4] === 1 ? 32 : 64}` };
  }
  const h = elf.header;
  if (h.class !== target.class) return { kind: 'skip', reason: `wrong ELF class: ELFCLASS${h.class}` };
  const wantData = target.littleEndian ? ELFDATA2LSB : ELFDATA2MSB;
  if (h.data !== wantData) {
    return {
      kind: 'fatal',
      message: `ELF file data encoding not ${target.littleEndian ? 'little' : 'big'}-endian`,
    };
  }
  if (h.identVersion !== 1) {
    return { kind: 'fatal', message: 'ELF file version ident does not match current one' };
  }
  const osabiOk =
    h.osabi === OSABI_SYSV || h.osabi === OSABI_GNU || (target.machine === EM_ARM && h.osabi === OSABI_ARM);
  if (!osabiOk) return { kind: 'fatal', message: 'ELF file OS ABI invalid' };
  const abiOk = h.osabi === OSABI_GNU ? h.abiVersion < LIBC_ABI_MAX : h.abiVersion === 0;
  if (!abiOk) return { kind: 'fatal', message: 'ELF file ABI version invalid' };
  if (!h.identPaddingZero) return { kind: 'fatal', message: 'nonzero padding in e_ident' };
  if (h.version !== 1) return { kind: 'fatal', message: 'ELF file version does not match current one' };
  if (h.machine !== target.machine) return { kind: 'skip', reason: `wrong machine ${h.machine}` };
  if (h.type !== ET_DYN && h.type !== ET_EXEC) {
    return { kind: 'fatal', message: 'only ET_DYN and ET_EXEC can be loaded' };
  }
  if (h.phentsize !== (h.class === 64 ? 56 : 32)) {
    return { kind: 'fatal', message: "ELF file's phentsize not the expected size" };
  }
  return { kind: 'ok' };
}
