import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNewCache, buildOldCache, type BuildCache } from '../../../fixtures/linkage/cache-builder';
import { cacheKey, indexLdSoCache, type TargetMachine } from './cache-lookup';
import { parseLdSoCache, type LdSoCacheResult } from './ld-so-cache';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/linkage');
const X86_64: TargetMachine = { machine: 62, class: 64, littleEndian: true, flags: 0 };
const I386: TargetMachine = { machine: 3, class: 32, littleEndian: true, flags: 0 };
const PPC64: TargetMachine = { machine: 21, class: 64, littleEndian: false, flags: 0 };

function dump(result: LdSoCacheResult): string {
  if ('error' in result) return `error: ${result.error}\n`;
  const lines = [`format ${result.format}`];
  if (result.generator !== undefined) lines.push(`generator ${result.generator}`);
  for (const e of result.entries) {
    const hw =
      e.hwcapsSubdir !== undefined ? ` hwcaps=${e.hwcapsSubdir}` : e.legacyHwcap ? ' legacy-hwcap' : '';
    lines.push(`0x${e.flags.toString(16).padStart(4, '0')} ${e.key} => ${e.value}${hw}`);
  }
  for (const p of result.problems) lines.push(`problem: ${p}`);
  return lines.map((l) => `${l}\n`).join('');
}

const SAMPLE: BuildCache = {
  entries: [
    {
      flags: 0x0303,
      key: 'libz.so.1',
      value: '/usr/lib/x86_64-linux-gnu/glibc-hwcaps/x86-64-v3/libz.so.1',
      hwcapsIndex: 0,
    },
    { flags: 0x0303, key: 'libz.so.1', value: '/lib/x86_64-linux-gnu/libz.so.1' },
    { flags: 0x0003, key: 'libz.so.1', value: '/usr/lib/libz.so.1' },
    { flags: 0x0303, key: 'libfoo.so.01', value: '/opt/lib/libfoo.so.01' },
    { flags: 0x0303, key: 'libold.so.2', value: '/lib/tls/libold.so.2', legacyHwcap: 0x8000 },
  ],
  generator: 'ldconfig (Debian GLIBC 2.36-9+deb12u14) stable release version 2.36',
  hwcaps: ['x86-64-v3'],
};

describe('parseLdSoCache', () => {
  it('reads the committed cache that ldconfig wrote for the edge root', () => {
    const bytes = readFileSync(join(FIXTURES, 'edge/root/etc/ld.so.cache'));
    expect(dump(parseLdSoCache(bytes))).toBe(
      'format new\n' +
        'generator ldconfig (Debian GLIBC 2.36-9+deb12u14) stable release version 2.36\n' +
        '0x0303 libgone.so.1 => /opt/t/conf/libgone.so.1\n' +
        '0x0303 libconf.so.1 => /opt/t/conf/libconf.so.1\n',
    );
  });

  it.each([true, false])('new format with extensions, little-endian %s', (littleEndian) => {
    // The header's byte-order flag wins over the caller's hint.
    const parsed = parseLdSoCache(buildNewCache({ ...SAMPLE, littleEndian }), !littleEndian);
    expect(dump(parsed)).toBe(
      'format new\n' +
        'generator ldconfig (Debian GLIBC 2.36-9+deb12u14) stable release version 2.36\n' +
        '0x0303 libz.so.1 => /usr/lib/x86_64-linux-gnu/glibc-hwcaps/x86-64-v3/libz.so.1 hwcaps=x86-64-v3\n' +
        '0x0303 libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1\n' +
        '0x0003 libz.so.1 => /usr/lib/libz.so.1\n' +
        '0x0303 libfoo.so.01 => /opt/lib/libfoo.so.01\n' +
        '0x0303 libold.so.2 => /lib/tls/libold.so.2 legacy-hwcap\n',
    );
  });

  it('old libc5 format (strings after the entries), big-endian by hint', () => {
    const old = buildOldCache({
      entries: [{ flags: 3, key: 'libc.so.5', value: '/lib/libc.so.5' }],
      littleEndian: false,
    });
    expect(dump(parseLdSoCache(old, false))).toBe('format old\n0x0003 libc.so.5 => /lib/libc.so.5\n');
  });

  it('compat layout: the new block after the old table is used', () => {
    const compat = buildOldCache(
      { entries: [{ flags: 0x0303, key: 'ignored.so', value: '/ignored' }] },
      { entries: [{ flags: 0x0303, key: 'libc.so.6', value: '/lib/x86_64-linux-gnu/libc.so.6' }] },
    );
    expect(dump(parseLdSoCache(compat))).toBe(
      'format compat\n0x0303 libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6\n',
    );
  });

  it('bad input is a sentence, never a throw', () => {
    expect(dump(parseLdSoCache(new TextEncoder().encode('hello')))).toBe(
      'error: this is not an ld.so.cache file (unknown magic)\n',
    );
    const truncated = buildNewCache(SAMPLE).slice(0, 60);
    expect(dump(parseLdSoCache(truncated))).toBe(
      'error: ld.so.cache claims 5 entries, more than the file holds\n',
    );
    const bytes = buildNewCache(SAMPLE);
    for (let n = 0; n < bytes.length; n += 3) parseLdSoCache(bytes.slice(0, n));
  });
});

describe('cache lookup (search_cache)', () => {
  const cache = parseLdSoCache(buildNewCache(SAMPLE));
  if ('error' in cache) throw new Error(cache.error);

  it('x86_64 takes 0x0303 entries only and skips hwcaps entries at baseline', () => {
    const index = indexLdSoCache(cache, X86_64);
    expect(index.lookup('libz.so.1')).toEqual({
      path: '/lib/x86_64-linux-gnu/libz.so.1',
      hwcapsSubdir: undefined,
    });
    expect(index.lookup('libold.so.2')).toBeUndefined();
  });

  it('a CPU with x86-64-v3 prefers the hwcaps entry', () => {
    const index = indexLdSoCache(cache, X86_64, ['x86-64-v3', 'x86-64-v2']);
    expect(index.lookup('libz.so.1')?.hwcapsSubdir).toBe('x86-64-v3');
  });

  it('i386 takes the flags-3 entry of a multilib cache', () => {
    expect(indexLdSoCache(cache, I386).lookup('libz.so.1')?.path).toBe('/usr/lib/libz.so.1');
  });

  it('ppc64 finds nothing in an x86_64 cache', () => {
    expect(indexLdSoCache(cache, PPC64).lookup('libz.so.1')).toBeUndefined();
  });

  it('digit runs compare as numbers (_dl_cache_libcmp)', () => {
    expect(cacheKey('libfoo.so.01')).toBe(cacheKey('libfoo.so.1'));
    expect(cacheKey('libfoo.so.10')).not.toBe(cacheKey('libfoo.so.1'));
    expect(indexLdSoCache(cache, X86_64).lookup('libfoo.so.1')?.path).toBe('/opt/lib/libfoo.so.01');
  });
});

const ROOTFS_CACHE = join(FIXTURES, '.work/rootfs/etc/ld.so.cache');

function ldconfigPrint(path: string): string | undefined {
  try {
    return execFileSync('ldconfig', ['-C', path, '-p'], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
}

describe.skipIf(!existsSync(ROOTFS_CACHE) || ldconfigPrint(ROOTFS_CACHE) === undefined)(
  'the Debian rootfs cache agrees with `ldconfig -p` (needs fixtures/linkage/.work/rootfs)',
  () => {
    it('same entries in the same order', () => {
      const printed = ldconfigPrint(ROOTFS_CACHE)!;
      const expected = [...printed.matchAll(/^\t(\S+) \(([^)]*)\) => (\S+)$/gm)].map(
        (m) => `${m[1]} => ${m[3]}`,
      );
      const parsed = parseLdSoCache(readFileSync(ROOTFS_CACHE));
      if ('error' in parsed) throw new Error(parsed.error);
      expect(parsed.entries.map((e) => `${e.key} => ${e.value}`)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(100);
    });
  },
);
