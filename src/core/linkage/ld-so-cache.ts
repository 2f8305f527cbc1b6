// Hand-written: no JS library reads glibc's ld.so.cache; the loader emulation must read it exactly as dl-cache.c does.
import { ByteView } from '../elf/byte-view';
import { addProblem, elfProblems, type ElfProblems } from '../elf/elf-sentences';
import type { Said } from '../model/said';

/**
 * /etc/ld.so.cache as glibc's dl-cache.c reads it (sysdeps/generic/dl-cache.h): the old libc5 format, the
 * "compat" layout (old table followed by a new-format block) and the new format, sole default since glibc 2.32.
 * Integers use the target's byte order; the new header says which (flags 2 LE, 3 BE), otherwise the caller's hint.
 */

const OLD_MAGIC = 'ld.so-1.7.0';
const NEW_MAGIC = 'glibc-ld.so.cache1.1';
const OLD_HEADER = 16;
const OLD_ENTRY = 12;
const NEW_HEADER = 48;
const NEW_ENTRY = 24;
const EXTENSION_MAGIC = 0xeaa42174;
const MAX_ENTRIES = 1 << 20;
const MAX_STRING = 4096;

export interface CacheEntry {
  readonly flags: number;
  /** SONAME (file name when the library has none). */
  readonly key: string;
  /** The path ld.so opens: `dir/soname`, or the real file inside a glibc-hwcaps subdirectory. */
  readonly value: string;
  /** glibc-hwcaps subdirectory name (e.g. "x86-64-v3") for hwcaps entries. */
  readonly hwcapsSubdir: string | undefined;
  /** Non-zero legacy hwcap bits (ignored from glibc 2.37, matched to the CPU before). */
  readonly legacyHwcap: boolean;
}

export interface LdSoCache {
  readonly format: 'old' | 'compat' | 'new';
  readonly entries: readonly CacheEntry[];
  /** The ldconfig that wrote it, from extension tag 0, e.g. "ldconfig (Debian GLIBC 2.36-9+deb12u14) ...". */
  readonly generator: string | undefined;
  readonly problems: readonly string[];
  /** The same problems by name (`elfSentences`), for the page to say in its language. */
  readonly problemSentences: readonly Said[];
}

export type LdSoCacheResult = LdSoCache | { readonly error: string };

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function cString(bytes: Uint8Array, at: number): string | undefined {
  if (at < 0 || at >= bytes.length) return undefined;
  let end = bytes.indexOf(0, at);
  if (end < 0 || end - at > MAX_STRING) end = Math.min(bytes.length, at + MAX_STRING);
  return new TextDecoder().decode(bytes.subarray(at, end));
}

export function parseLdSoCache(bytes: Uint8Array, littleEndianHint = true): LdSoCacheResult {
  if (ascii(bytes, 0, NEW_MAGIC.length) === NEW_MAGIC) return parseNew(bytes, 0, littleEndianHint, 'new');
  if (ascii(bytes, 0, OLD_MAGIC.length) !== OLD_MAGIC) {
    return { error: 'this is not an ld.so.cache file (unknown magic)' };
  }
  const old = new ByteView(bytes, littleEndianHint);
  const nlibs = old.u32(12);
  if (nlibs > MAX_ENTRIES || !old.has(OLD_HEADER, nlibs * OLD_ENTRY)) {
    return { error: `ld.so.cache claims ${nlibs} entries, more than the file holds` };
  }
  const newAt = align8(OLD_HEADER + nlibs * OLD_ENTRY);
  if (ascii(bytes, newAt, NEW_MAGIC.length) === NEW_MAGIC) {
    return parseNew(bytes, newAt, littleEndianHint, 'compat');
  }
  const stringsAt = OLD_HEADER + nlibs * OLD_ENTRY;
  const entries: CacheEntry[] = [];
  const problems = elfProblems();
  for (let i = 0; i < nlibs; i++) {
    const at = OLD_HEADER + i * OLD_ENTRY;
    const key = cString(bytes, stringsAt + old.u32(at + 4));
    const value = cString(bytes, stringsAt + old.u32(at + 8));
    if (key === undefined || value === undefined) {
      addProblem(problems, 'cache-entry-outside', { index: i });
      continue;
    }
    entries.push({ flags: old.i32(at), key, value, hwcapsSubdir: undefined, legacyHwcap: false });
  }
  return {
    format: 'old',
    entries,
    generator: undefined,
    problems: problems.english,
    problemSentences: problems.sentences,
  };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function parseNew(bytes: Uint8Array, base: number, hint: boolean, format: 'compat' | 'new'): LdSoCacheResult {
  const flagByte = bytes[base + 28] ?? 0;
  const littleEndian = flagByte === 2 ? true : flagByte === 3 ? false : hint;
  const v = new ByteView(bytes, littleEndian);
  const nlibs = v.u32(base + 20);
  if (nlibs > MAX_ENTRIES || !v.has(base + NEW_HEADER, nlibs * NEW_ENTRY)) {
    return { error: `ld.so.cache claims ${nlibs} entries, more than the file holds` };
  }
  const problems = elfProblems();
  const ext = readExtensions(bytes, v, v.u32(base + 32), base, problems);
  const entries: CacheEntry[] = [];
  for (let i = 0; i < nlibs; i++) {
    const at = base + NEW_HEADER + i * NEW_ENTRY;
    const key = cString(bytes, base + v.u32(at + 4));
    const value = cString(bytes, base + v.u32(at + 8));
    if (key === undefined || value === undefined) {
      addProblem(problems, 'cache-entry-outside', { index: i });
      continue;
    }
    const hwcapLow = v.u32(at + 16 + (littleEndian ? 0 : 4));
    const hwcapHigh = v.u32(at + 16 + (littleEndian ? 4 : 0));
    // dl-cache.h dl_cache_hwcap_extension: bits 42..63 are exactly bit 62, the low 32 bits index tag 1.
    const isHwcaps = (hwcapHigh & ~0x3ff) >>> 0 === 0x40000000;
    entries.push({
      flags: v.i32(at),
      key,
      value,
      hwcapsSubdir: isHwcaps ? (ext.hwcaps[hwcapLow] ?? `#${hwcapLow}`) : undefined,
      legacyHwcap: !isHwcaps && (hwcapLow !== 0 || hwcapHigh !== 0),
    });
  }
  return {
    format,
    entries,
    generator: ext.generator,
    problems: problems.english,
    problemSentences: problems.sentences,
  };
}

interface Extensions {
  readonly generator: string | undefined;
  readonly hwcaps: readonly string[];
}

function readExtensions(
  bytes: Uint8Array,
  v: ByteView,
  offset: number,
  base: number,
  problems: ElfProblems,
): Extensions {
  const result = { generator: undefined as string | undefined, hwcaps: [] as string[] };
  if (offset === 0) return result;
  if (v.u32(offset) !== EXTENSION_MAGIC) {
    addProblem(problems, 'cache-extensions-magic');
    return result;
  }
  const count = Math.min(v.u32(offset + 4), 64);
  for (let i = 0; i < count; i++) {
    const at = offset + 8 + i * 16;
    const tag = v.u32(at);
    const start = v.u32(at + 8);
    const size = v.u32(at + 12);
    if (!v.has(start, size)) {
      addProblem(problems, 'cache-extension-outside', { tag });
      continue;
    }
    if (tag === 0) result.generator = new TextDecoder().decode(bytes.subarray(start, start + size));
    if (tag === 1) {
      for (let j = 0; j + 4 <= size && j < 4 * 1024; j += 4) {
        result.hwcaps.push(cString(bytes, base + v.u32(start + j)) ?? '');
      }
    }
  }
  return result;
}
