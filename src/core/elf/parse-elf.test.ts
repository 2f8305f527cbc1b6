import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildElf, type BuildElf } from '../../../fixtures/linkage/elf-builder';
import { dirImageFs } from '../../cli/testing/dir-image-fs';
import { describeElf } from './describe-elf';
import type { ByteReader } from './elf-types';
import { parseElf, readElf, imageFileReader } from './parse-elf';
import { readDynamicSymbols } from './read-symbols';

const bytesReader = (bytes: Uint8Array): ByteReader => ({
  read: (offset, length) =>
    Promise.resolve(offset >= 0 && offset <= bytes.length ? bytes.slice(offset, offset + length) : undefined),
});

const FULL: BuildElf = {
  interpreter: '/lib64/ld-linux-x86-64.so.2',
  needed: ['libfoo.so.1', 'libc.so.6'],
  soname: 'libself.so.2',
  runpath: '$ORIGIN/../lib',
  flags1: 0x08000000,
  verneed: [
    {
      file: 'libc.so.6',
      versions: [
        { name: 'GLIBC_2.2.5', index: 2 },
        { name: 'GLIBC_2.34', index: 3 },
      ],
    },
    { file: 'libfoo.so.1', versions: [{ name: 'FOO_1', index: 4, weak: true }] },
  ],
  verdef: [
    { index: 1, flags: 1, names: ['libself.so.2'] },
    { index: 5, names: ['SELF_2', 'SELF_1'] },
  ],
  symbols: [
    { name: 'printf', versym: 2 },
    { name: 'foo', versym: 4 },
    { name: 'self_api', shndx: 12, versym: 5 },
  ],
};

const FULL_DUMP = `interpreter /lib64/ld-linux-x86-64.so.2
needed libfoo.so.1
needed libc.so.6
soname libself.so.2
runpath $ORIGIN/../lib
flags_1 0x8000000
verneed libc.so.6 GLIBC_2.2.5 index=2
verneed libc.so.6 GLIBC_2.34 index=3
verneed libfoo.so.1 FOO_1 weak index=4
verdef 1 flags=1 libself.so.2
verdef 5 flags=0 SELF_2 <- SELF_1
symbols 4 versym
`;

describe('parseElf on synthetic files (program headers only, no section headers)', () => {
  it.each([
    ['ELF64 little-endian x86_64', { class: 64, littleEndian: true, machine: 62 }, 'ELF64 LE DYN x86_64'],
    ['ELF32 big-endian ppc', { class: 32, littleEndian: false, machine: 20 }, 'ELF32 BE DYN ppc'],
    ['ELF32 little-endian i386', { class: 32, littleEndian: true, machine: 3 }, 'ELF32 LE DYN i386'],
    ['ELF64 big-endian s390', { class: 64, littleEndian: false, machine: 22 }, 'ELF64 BE DYN s390'],
  ] as const)('%s', async (_name, layout, first) => {
    const elf = await parseElf(bytesReader(buildElf({ ...FULL, ...layout })));
    const phnum = 3;
    expect(describeElf(elf)).toBe(`${first} osabi=0 phnum=${phnum} shnum=0\n${FULL_DUMP}`);
  });

  it.each(['sysv', 'gnu', 'both'] as const)('counts dynamic symbols through %s hash', async (hash) => {
    const symbols = Array.from({ length: 37 }, (_, i) => ({ name: `s${i}`, shndx: i % 2 }));
    const elf = await parseElf(bytesReader(buildElf({ needed: ['libc.so.6'], symbols, hash })));
    expect(elf.ok && elf.dynamic?.symbolCount).toBe(38);
  });

  it('reads dynamic symbols with their versym entries, ELF32 big-endian too', async () => {
    for (const layout of [{ class: 64 as const }, { class: 32 as const, littleEndian: false }]) {
      const bytes = buildElf({ ...FULL, ...layout });
      const elf = await parseElf(bytesReader(bytes));
      if (!elf.ok) throw new Error(elf.reason);
      const syms = await readDynamicSymbols(bytesReader(bytes), elf);
      expect(syms.map((s) => `${s.name}:${s.shndx === 0 ? 'U' : 'D'}:${s.versym}`)).toEqual([
        ':U:0',
        'printf:U:2',
        'foo:U:4',
        'self_api:D:5',
      ]);
    }
  });

  it('reports a static file and non-ELF input as values', async () => {
    expect(describeElf(await parseElf(bytesReader(buildElf({ static: true, type: 2 }))))).toBe(
      'ELF64 LE EXEC x86_64 osabi=0 phnum=1 shnum=0\nno PT_DYNAMIC\n',
    );
    expect(describeElf(await parseElf(bytesReader(new TextEncoder().encode('#!/bin/sh\necho hi\n'))))).toBe(
      'not usable (not-elf): not an ELF file (no \\x7fELF magic)\n',
    );
    expect(describeElf(await parseElf(bytesReader(new Uint8Array(0))))).toBe(
      'not usable (too-short): not an ELF file (no \\x7fELF magic)\n',
    );
    const noReader: ByteReader = { read: () => Promise.resolve(undefined) };
    expect(describeElf(await parseElf(noReader))).toBe('not usable (unreadable): the file cannot be read\n');
  });
});

function patch(bytes: Uint8Array, at: number, values: readonly number[]): Uint8Array {
  const copy = bytes.slice();
  copy.set(values, at);
  return copy;
}

describe('parseElf on hostile files', () => {
  const good = buildElf(FULL);

  it('program headers outside the file', async () => {
    const elf = await parseElf(bytesReader(patch(good, 32, [0, 0, 0, 0x10, 0, 0, 0, 0])));
    expect(elf.ok && elf.problems).toEqual(['program headers lie outside the file']);
  });

  it('65535 program headers are capped', async () => {
    const elf = await parseElf(bytesReader(patch(good, 56, [0xff, 0xff])));
    expect(elf.ok && elf.problems[0]).toBe('65535 program headers, reading the first 1024');
  });

  it('a wrong e_phentsize reads no program headers', async () => {
    const elf = await parseElf(bytesReader(patch(good, 54, [40, 0])));
    expect(elf.ok && elf.problems).toEqual(['e_phentsize is 40, expected 56']);
  });

  it('every truncation and 2,000 random byte flips end in a value, never a throw', async () => {
    for (let n = 0; n <= good.length; n += 7) {
      const bytes = good.slice(0, n);
      const elf = await parseElf(bytesReader(bytes));
      if (elf.ok) await readDynamicSymbols(bytesReader(bytes), elf);
    }
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 0x1000000;
    for (let round = 0; round < 2000; round++) {
      const bytes = good.slice();
      for (let k = 0; k < 4; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const elf = await parseElf(bytesReader(bytes));
      expect(elf.ok || elf.reason.length > 0).toBe(true);
      if (elf.ok) await readDynamicSymbols(bytesReader(bytes), elf);
    }
  });

  it('huge version counts walk forward to the end of the file and stop with a problem', async () => {
    // DT_VERNEEDNUM and DT_VERDEFNUM set to 2^32-1: the chains end at vn_next/vd_next = 0 or at the budget.
    const bytes = good.slice();
    const view = new DataView(bytes.buffer);
    for (let at = 0; at + 16 <= bytes.length; at += 8) {
      const tag = view.getUint32(at, true);
      if ((tag === 0x6fffffff || tag === 0x6ffffffd) && view.getUint32(at + 4, true) === 0) {
        view.setUint32(at + 8, 0xffffffff, true);
      }
    }
    const elf = await parseElf(bytesReader(bytes));
    expect(elf.ok && elf.dynamic?.versionNeeds.length).toBe(3);
    expect(elf.ok && elf.dynamic?.versionDefs.length).toBe(2);
  });

  it('a string table without NUL and a DT_STRTAB outside every PT_LOAD', async () => {
    const bytes = good.slice();
    const view = new DataView(bytes.buffer);
    for (let at = 0; at + 16 <= bytes.length; at += 8) {
      if (view.getUint32(at, true) === 5 && view.getUint32(at + 4, true) === 0) {
        view.setUint32(at + 8, 0x7fff0000, true);
        break;
      }
    }
    const elf = await parseElf(bytesReader(bytes));
    expect(elf.ok && elf.problems.slice(0, 2)).toEqual([
      'DT_STRTAB 0x7fff0000 maps to no PT_LOAD',
      'string offset 1 is outside DT_STRTAB',
    ]);
  });
});

const EDGE_ROOT = join(import.meta.dirname, '../../../fixtures/linkage/edge/root');

describe('parseElf on the committed edge binaries (gcc + ld output, stripped)', () => {
  it('matches the golden dump', async () => {
    const fs = dirImageFs(EDGE_ROOT);
    const out: string[] = [];
    for (const dir of [
      '/opt/t/bin',
      '/opt/t/lib',
      '/opt/t/wrong',
      '/opt/t/wrongm',
      '/opt/t/bad',
      '/opt/t/musl',
    ]) {
      for (const name of (await fs.list(dir)) ?? []) {
        const node = await fs.lstat(`${dir}/${name}`);
        if (node?.kind !== 'file') continue;
        out.push(`== ${dir}/${name}\n${describeElf(await readElf(fs, `${dir}/${name}`))}`);
      }
    }
    await expect(out.join('')).toMatchFileSnapshot('../../../fixtures/linkage/golden/edge-elf.txt');
  });
});

function hasReadelf(): boolean {
  try {
    execFileSync('readelf', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const REAL = ['/usr/bin/curl', '/usr/bin/ls', '/usr/lib/x86_64-linux-gnu/libc.so.6', '/usr/bin/node'].filter(
  (p) => existsSync(p) && statSync(p).isFile(),
);

describe.skipIf(!hasReadelf() || REAL.length === 0)('parseElf agrees with readelf on this machine', () => {
  it.each(REAL)('%s', async (path) => {
    const elf = await readElf(dirImageFs('/'), path);
    if (!elf.ok) throw new Error(elf.reason);
    const dynamic = execFileSync('readelf', ['-dW', path], { encoding: 'utf8' });
    const needed = [...dynamic.matchAll(/\(NEEDED\)\s+Shared library: \[(.*)\]/g)].map((m) => m[1]);
    expect(elf.dynamic?.needed).toEqual(needed);
    expect(elf.dynamic?.soname).toBe(/\(SONAME\)\s+Library soname: \[(.*)\]/.exec(dynamic)?.[1]);
    const syms = execFileSync('readelf', ['--dyn-syms', '-W', path], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const count = /Symbol table '\.dynsym' contains (\d+) entries/.exec(syms)?.[1];
    expect(elf.dynamic?.symbolCount).toBe(Number(count));
    const versions = execFileSync('readelf', ['-VW', path], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const needSection = versions.split("Version needs section '.gnu.version_r'")[1] ?? '';
    const needNames = [...needSection.matchAll(/Name: (\S+)\s+Flags/g)].map((m) => m[1]);
    expect(elf.dynamic?.versionNeeds.map((v) => v.version)).toEqual(needNames);
    const dynsyms = await readDynamicSymbols(imageFileReader(dirImageFs('/'), path), elf);
    expect(dynsyms).toHaveLength(Number(count));
  });
});

it('never reads a whole big file: a 200 MB sparse-looking reader is touched only where needed', async () => {
  const good = buildElf(FULL);
  let bytesRead = 0;
  const huge: ByteReader = {
    read: (offset, length) => {
      const slice = offset < good.length ? good.slice(offset, offset + length) : new Uint8Array(0);
      bytesRead += slice.length;
      return Promise.resolve(slice);
    },
  };
  const elf = await parseElf(huge);
  expect(elf.ok).toBe(true);
  expect(bytesRead).toBeLessThanOrEqual(good.length);
  expect(readdirSync(EDGE_ROOT).length).toBeGreaterThan(0);
});
