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
import type { CacheEntry, LdSoCache } from './ld-so-cache';

/** The machine a loader runs as: it decides which cache entries (flags) and candidates (class, e_machine) fit. */
export interface TargetMachine {
  readonly machine: number;
  readonly class: 32 | 64;
  readonly littleEndian: boolean;
  readonly flags: number;
}

/**
 * `_dl_cache_check_flags` per architecture (sysdeps/unix/sysv/linux/<arch>/dl-cache.h): low byte 3 is
 * FLAG_ELF_LIBC6, the high byte the ABI. This is what keeps i686 entries (flags 3) of a multilib cache away
 * from x86_64 programs.
 */
export function acceptedCacheFlags(target: TargetMachine): readonly number[] {
  switch (target.machine) {
    case EM_X86_64:
      return target.class === 64 ? [0x0303] : [0x0803];
    case EM_386:
      return [1, 3];
    case EM_AARCH64:
      return [0x0a03];
    case EM_PPC64:
      return [0x0503];
    case EM_S390:
      return target.class === 64 ? [0x0403] : [3];
    case EM_RISCV:
      return target.class === 64 ? [0x1003] : [0x1103];
    case EM_ARM:
      return [0x0903, 0x0003];
    case EM_LOONGARCH:
      return [0x1203];
    default:
      return [1, 3];
  }
}

/** `_dl_cache_libcmp` equality: digit runs compare as numbers, so "libfoo.so.01" equals "libfoo.so.1". */
export function cacheKey(name: string): string {
  return name.replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, ''));
}

export interface CacheIndex {
  /** The path the cache gives for a DT_NEEDED name, or undefined. */
  lookup(name: string): CacheHit | undefined;
}

export interface CacheHit {
  readonly path: string;
  readonly hwcapsSubdir: string | undefined;
}

/**
 * `search_cache` (elf/dl-cache.c): the first entry with an equal key and accepted flags; glibc-hwcaps entries only
 * for subdirectories the CPU supports (`hwcaps`, best first; empty = baseline CPU), legacy hwcap entries never.
 */
export function indexLdSoCache(
  cache: LdSoCache,
  target: TargetMachine,
  hwcaps: readonly string[] = [],
): CacheIndex {
  const accepted = new Set(acceptedCacheFlags(target));
  const byKey = new Map<string, CacheEntry[]>();
  for (const entry of cache.entries) {
    if (!accepted.has(entry.flags) || entry.legacyHwcap) continue;
    if (entry.hwcapsSubdir !== undefined && !hwcaps.includes(entry.hwcapsSubdir)) continue;
    const key = cacheKey(entry.key);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [entry]);
    else list.push(entry);
  }
  return {
    lookup(name) {
      const list = byKey.get(cacheKey(name));
      if (list === undefined) return undefined;
      let best: CacheEntry | undefined;
      let bestRank = Infinity;
      for (const entry of list) {
        const rank = entry.hwcapsSubdir === undefined ? hwcaps.length : hwcaps.indexOf(entry.hwcapsSubdir);
        if (rank < bestRank) {
          best = entry;
          bestRank = rank;
        }
      }
      return best && { path: best.value, hwcapsSubdir: best.hwcapsSubdir };
    },
  };
}
