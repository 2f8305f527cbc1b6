import {
  EM_386,
  EM_AARCH64,
  EM_ARM,
  EM_LOONGARCH,
  EM_PPC64,
  EM_RISCV,
  EM_S390,
  EM_X86_64,
} from '../elf/elf-constants';
import type { ElfHeader } from '../elf/elf-types';
import type { TargetMachine } from './cache-lookup';
import type { LinkMap } from './link-map';
import type { LoadedLibrary } from './link-types';

const EF_ARM_ABI_FLOAT_HARD = 0x400;

export function targetOf(header: ElfHeader): TargetMachine {
  return {
    machine: header.machine,
    class: header.class,
    littleEndian: header.littleEndian,
    flags: header.flags,
  };
}

/** AT_PLATFORM as the kernel passes it, for $PLATFORM (a setting overrides it). */
export function defaultPlatform(target: TargetMachine): string | undefined {
  switch (target.machine) {
    case EM_X86_64:
      return 'x86_64';
    case EM_386:
      return 'i686';
    case EM_AARCH64:
      return 'aarch64';
    case EM_ARM:
      return 'v7l';
    case EM_PPC64:
      return target.littleEndian ? 'power8' : 'power7';
    case EM_S390:
      return 'z13';
    default:
      return undefined;
  }
}

/** The ld.so a library would run under when ldd is given a file without PT_INTERP (glibc's RTLDLIST). */
export function defaultGlibcInterpreter(target: TargetMachine): string {
  const is64 = target.class === 64;
  switch (target.machine) {
    case EM_X86_64:
      return is64 ? '/lib64/ld-linux-x86-64.so.2' : '/libx32/ld-linux-x32.so.2';
    case EM_386:
      return '/lib/ld-linux.so.2';
    case EM_AARCH64:
      return '/lib/ld-linux-aarch64.so.1';
    case EM_ARM:
      return (target.flags & EF_ARM_ABI_FLOAT_HARD) !== 0 ? '/lib/ld-linux-armhf.so.3' : '/lib/ld-linux.so.3';
    case EM_PPC64:
      return target.littleEndian ? '/lib64/ld64.so.2' : '/lib64/ld64.so.1';
    case EM_S390:
      return is64 ? '/lib/ld64.so.1' : '/lib/ld.so.1';
    case EM_RISCV:
      return is64 ? '/lib/ld-linux-riscv64-lp64d.so.1' : '/lib/ld-linux-riscv32-ilp32d.so.1';
    case EM_LOONGARCH:
      return '/lib64/ld-linux-loongarch-lp64d.so.1';
    default:
      return is64 ? '/lib64/ld-linux.so.2' : '/lib/ld-linux.so.2';
  }
}

/** musl's $ARCH in /lib/ld-musl-$ARCH.so.1 (arch/<arch>/reloc.h LDSO_ARCH). */
export function muslArch(target: TargetMachine): string | undefined {
  switch (target.machine) {
    case EM_X86_64:
      return target.class === 64 ? 'x86_64' : 'x32';
    case EM_386:
      return 'i386';
    case EM_AARCH64:
      return target.littleEndian ? 'aarch64' : 'aarch64_be';
    case EM_ARM:
      return (target.flags & EF_ARM_ABI_FLOAT_HARD) !== 0 ? 'armhf' : 'arm';
    case EM_PPC64:
      return target.littleEndian ? 'powerpc64le' : 'powerpc64';
    case EM_S390:
      return 's390x';
    case EM_RISCV:
      return target.class === 64 ? 'riscv64' : 'riscv32';
    case EM_LOONGARCH:
      return 'loongarch64';
    default:
      return undefined;
  }
}

export function toLoadedLibrary(map: LinkMap, main: LinkMap): LoadedLibrary {
  return {
    name: map.names[0] ?? map.lName,
    path: map.faked ? null : map.lName,
    realPath: map.faked ? null : (map.realPath ?? null),
    foundVia: map.faked ? null : map.foundVia,
    neededBy: map.neededBy.map((m) => (m === main ? main.lName : m.lName)),
    kind: map.kind === 'interpreter' ? 'interpreter' : map.kind === 'preload' ? 'preload' : 'library',
    cpuDependent: map.cpuDependent,
  };
}
