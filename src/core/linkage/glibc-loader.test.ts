import { describe, expect, it } from 'vitest';
import { buildNewCache } from '../../../fixtures/linkage/cache-builder';
import { buildElf, type BuildElf } from '../../../fixtures/linkage/elf-builder';
import { memoryImageFs, type MemoryFile } from '../testing/memory-image-fs';
import { formatLdd, toLddJson } from './format-ldd';
import type { LoaderSettings } from './link-types';
import { resolveLoad } from './load-executable';

const LDSO = '/lib64/ld-linux-x86-64.so.2';
const LIBDIR = '/lib/x86_64-linux-gnu';
const enc = new TextEncoder();

/** Debian 12's ld.so as far as the emulation reads it: SONAME, SYSTEM_DIRS and the version banner. */
const ldso = new Uint8Array([
  ...buildElf({ soname: 'ld-linux-x86-64.so.2', verdef: [{ index: 2, names: ['GLIBC_2.3'] }] }),
  ...enc.encode('/lib/x86_64-linux-gnu/\0/usr/lib/x86_64-linux-gnu/\0/lib/\0/usr/lib/\0'),
  ...enc.encode('ld.so (Debian GLIBC 2.36-9+deb12u14) stable release version 2.36.\0'),
]);
const libc = buildElf({
  soname: 'libc.so.6',
  needed: ['ld-linux-x86-64.so.2'],
  verdef: [
    { index: 1, flags: 1, names: ['libc.so.6'] },
    { index: 2, names: ['GLIBC_2.2.5'] },
  ],
});
const exe = (spec: BuildElf) => buildElf({ interpreter: LDSO, ...spec });
const lib = (soname: string, spec: BuildElf = {}) => buildElf({ soname, ...spec });

async function ldd(
  files: Record<string, MemoryFile>,
  settings: LoaderSettings = {},
  verbose = false,
  path = '/bin/app',
): Promise<string> {
  const fs = memoryImageFs({ [LDSO]: ldso, [`${LIBDIR}/libc.so.6`]: libc, ...files });
  return formatLdd(await resolveLoad(fs, path, settings), { verbose });
}

describe('glibc loader rules (synthetic images)', () => {
  it('first load wins: a later NEEDED matching an earlier SONAME reuses it, whatever lies elsewhere', async () => {
    const out = await ldd({
      '/bin/app': exe({ needed: ['libfirst.so', 'libx.so.1', 'libc.so.6'], rpath: '/a' }),
      '/a/libfirst.so': lib('libx.so.1'),
      [`${LIBDIR}/libx.so.1`]: lib('libx.so.1'),
    });
    expect(out).toBe(
      '\tlibfirst.so => /a/libfirst.so\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6\n\t/lib64/ld-linux-x86-64.so.2\n',
    );
  });

  it('DT_RPATH is inherited up the l_loader chain; DT_RUNPATH is not', async () => {
    const files = (tag: 'rpath' | 'runpath') => ({
      '/bin/app': exe({ needed: ['libmid.so'], [tag]: '/r' }),
      '/r/libmid.so': lib('libmid.so', { needed: ['libdeep.so'] }),
      '/r/libdeep.so': lib('libdeep.so'),
    });
    expect(await ldd(files('rpath'))).toBe('\tlibmid.so => /r/libmid.so\n\tlibdeep.so => /r/libdeep.so\n');
    expect(await ldd(files('runpath'))).toBe('\tlibmid.so => /r/libmid.so\n\tlibdeep.so => not found\n');
  });

  it("an object's DT_RPATH is ignored when it also has DT_RUNPATH", async () => {
    const out = await ldd({
      '/bin/app': exe({ needed: ['libm1.so'], runpath: '/m' }),
      '/m/libm1.so': lib('libm1.so', { needed: ['libq.so'], rpath: '/x', runpath: '/y' }),
      '/x/libq.so': lib('libq.so'),
      '/y/libq.so': lib('libq.so'),
    });
    expect(out).toBe('\tlibm1.so => /m/libm1.so\n\tlibq.so => /y/libq.so\n');
  });

  it('LD_PRELOAD and LD_LIBRARY_PATH from the image Env, /etc/ld.so.preload after them', async () => {
    const files = {
      '/bin/app': exe({ needed: ['libe.so'] }),
      '/env/libe.so': lib('libe.so'),
      '/env/libpre.so': lib('libpre.so'),
      '/opt/libfile.so': lib('libfile.so'),
      '/etc/ld.so.preload': '/opt/libfile.so\n',
    };
    const env = ['PATH=/usr/bin', 'LD_LIBRARY_PATH=/nowhere;/env', 'LD_PRELOAD=libpre.so'];
    expect(await ldd(files, { env })).toBe(
      '\tlibpre.so => /env/libpre.so\n\t/opt/libfile.so\n\tlibe.so => /env/libe.so\n',
    );
    const json = toLddJson(await resolveLoad(memoryImageFs(files), '/bin/app', { env }));
    expect(json.libraries.map((l) => `${l.name}:${l.foundVia}`)).toEqual([
      'libpre.so:ld_library_path',
      '/opt/libfile.so:direct',
      'libe.so:ld_library_path',
    ]);
  });

  it('ld.so.cache is used as stored (stale entries fall through), DF_1_NODEFLIB refuses system dirs', async () => {
    const cache = buildNewCache({
      entries: [
        { flags: 0x0303, key: 'libz.so.1', value: `${LIBDIR}/libz.so.1` },
        { flags: 0x0303, key: 'libconf.so.2', value: '/opt/conf/libconf-2.0.so' },
        { flags: 0x0303, key: 'libgone.so.1', value: '/opt/conf/libgone.so.1' },
        { flags: 0x0003, key: 'libi686.so', value: '/usr/lib/i686/libi686.so' },
      ],
    });
    const files = (flags1?: number) => ({
      '/etc/ld.so.cache': cache,
      '/bin/app': exe({ needed: ['libz.so.1', 'libconf.so.2', 'libgone.so.1', 'libi686.so'], flags1 }),
      [`${LIBDIR}/libz.so.1`]: lib('libz.so.1'),
      '/opt/conf/libconf-2.0.so': lib('libconf.so.2'),
      '/usr/lib/i686/libi686.so': lib('libi686.so'),
    });
    expect(await ldd(files())).toBe(
      '\tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1\n\tlibconf.so.2 => /opt/conf/libconf-2.0.so\n' +
        '\tlibgone.so.1 => not found\n\tlibi686.so => not found\n',
    );
    expect(await ldd(files(0x800))).toBe(
      '\tlibz.so.1 => not found\n\tlibconf.so.2 => /opt/conf/libconf-2.0.so\n' +
        '\tlibgone.so.1 => not found\n\tlibi686.so => not found\n',
    );
  });

  it('glibc-hwcaps subdirectories only with a CPU-level setting, and flagged', async () => {
    const files = {
      '/bin/app': exe({ needed: ['libfast.so'] }),
      [`${LIBDIR}/glibc-hwcaps/x86-64-v3/libfast.so`]: lib('libfast.so'),
      [`${LIBDIR}/libfast.so`]: lib('libfast.so'),
    };
    expect(await ldd(files)).toBe('\tlibfast.so => /lib/x86_64-linux-gnu/libfast.so\n');
    const result = await resolveLoad(memoryImageFs({ [LDSO]: ldso, ...files }), '/bin/app', {
      hwcaps: ['x86-64-v3', 'x86-64-v2'],
    });
    expect(result.libraries.map((l) => [l.path, l.cpuDependent])).toEqual([
      [`${LIBDIR}/glibc-hwcaps/x86-64-v3/libfast.so`, true],
    ]);
  });

  it('legacy hwcap subdirectories (glibc ≤ 2.36) only when the setting lists them', async () => {
    const files = {
      '/bin/app': exe({ needed: ['libtls.so'], runpath: '/r' }),
      '/r/tls/x86_64/libtls.so': lib('libtls.so'),
      '/r/libtls.so': lib('libtls.so'),
    };
    expect(await ldd(files)).toBe('\tlibtls.so => /r/libtls.so\n');
    const legacySubdirs = ['tls/x86_64/x86_64', 'tls/x86_64', 'tls', 'x86_64/x86_64', 'x86_64'];
    const result = await resolveLoad(memoryImageFs({ [LDSO]: ldso, ...files }), '/bin/app', {
      legacySubdirs,
    });
    expect(result.libraries.map((l) => [l.path, l.cpuDependent])).toEqual([
      ['/r/tls/x86_64/libtls.so', true],
    ]);
  });

  it('$ORIGIN, $LIB (first system dir), $PLATFORM, ${...}, unknown tokens and the empty element', async () => {
    const out = await ldd(
      {
        '/bin/app': exe({
          needed: ['liba.so', 'libb.so', 'libc1.so', 'libw.so'],
          runpath: '$ORIGINX:/o/$LIB:/p/${PLATFORM}:$FOO/x:$ORIGIN/../lib:',
        }),
        '/o/lib/x86_64-linux-gnu/liba.so': lib('liba.so'),
        '/p/x86_64/libb.so': lib('libb.so'),
        '/lib/libc1.so': lib('libc1.so'),
        '/work/libw.so': lib('libw.so'),
      },
      { workingDir: '/work' },
    );
    expect(out).toBe(
      '\tliba.so => /o/lib/x86_64-linux-gnu/liba.so\n\tlibb.so => /p/x86_64/libb.so\n' +
        '\tlibc1.so => /bin/../lib/libc1.so\n\tlibw.so\n',
    );
  });

  it('".." after a symlinked directory is physical, as the kernel resolves it', async () => {
    const fs = memoryImageFs({
      [LDSO]: ldso,
      '/bin/app': exe({ needed: ['libfoo.so'], rpath: '/opt/x/sym' }),
      '/opt/x/sym': { symlink: '/real/dir' },
      '/real/dir/libfoo.so': lib('libfoo.so', { needed: ['libbar.so'], runpath: '$ORIGIN/../lib' }),
      '/real/lib/libbar.so': lib('libbar.so'),
      '/opt/x/lib/libbar.so': lib('libbar.so'),
    });
    const result = await resolveLoad(fs, '/bin/app');
    expect(result.libraries.map((l) => `${l.path} -> ${l.realPath}`)).toEqual([
      '/opt/x/sym/libfoo.so -> /real/dir/libfoo.so',
      '/opt/x/sym/../lib/libbar.so -> /real/lib/libbar.so',
    ]);
  });

  it('wrong class or machine is skipped; a short or non-ELF first candidate is fatal', async () => {
    const files = (bad: Uint8Array) => ({
      '/bin/app': exe({ needed: ['libk.so'], rpath: '/bad:/good' }),
      '/bad/libk.so': bad,
      '/good/libk.so': lib('libk.so'),
    });
    const good = '\tlibk.so => /good/libk.so\n';
    expect(await ldd(files(lib('libk.so', { class: 32 })))).toBe(good);
    expect(await ldd(files(lib('libk.so', { machine: 183 })))).toBe(good);
    expect(await ldd(files(enc.encode('INPUT(libk.so.1)\n')))).toBe(
      '/bin/app: error while loading shared libraries: /bad/libk.so: file too short\n',
    );
    expect(await ldd(files(enc.encode(`/* GNU ld script */${' '.repeat(80)}\n`)))).toBe(
      '/bin/app: error while loading shared libraries: /bad/libk.so: invalid ELF header\n',
    );
    expect(await ldd(files(lib('libk.so', { type: 1 })))).toBe(
      '/bin/app: error while loading shared libraries: /bad/libk.so: only ET_DYN and ET_EXEC can be loaded\n',
    );
    expect(await ldd(files(lib('libk.so', { osabi: 9 })))).toBe(
      '/bin/app: error while loading shared libraries: /bad/libk.so: ELF file OS ABI invalid\n',
    );
  });

  it('ld.so sits after its search-list predecessor, so an earlier "not found" prints after it', async () => {
    const out = await ldd({
      '/bin/app': exe({ needed: ['liba.so', 'libc.so.6'], runpath: '/a' }),
      '/a/liba.so': lib('liba.so', { needed: ['libdep.so'] }),
    });
    expect(out).toBe(
      '\tliba.so => /a/liba.so\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6\n' +
        '\t/lib64/ld-linux-x86-64.so.2\n\tlibdep.so => not found\n',
    );
  });

  it('version checks: missing, weak and unversioned providers, and the -v block', async () => {
    const out = await ldd(
      {
        '/bin/app': exe({
          needed: ['libc.so.6', 'libnov.so'],
          verneed: [
            {
              file: 'libc.so.6',
              versions: [
                { name: 'GLIBC_2.2.5', index: 2 },
                { name: 'GLIBC_2.99', index: 3 },
                { name: 'GLIBC_2.98', index: 4, weak: true },
              ],
            },
            { file: 'libnov.so', versions: [{ name: 'NOV_1', index: 5 }] },
          ],
        }),
        [`${LIBDIR}/libnov.so`]: lib('libnov.so'),
      },
      {},
      true,
    );
    expect(out).toBe(
      "/bin/app: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.99' not found (required by /bin/app)\n" +
        "/bin/app: /lib/x86_64-linux-gnu/libc.so.6: weak version `GLIBC_2.98' not found (required by /bin/app)\n" +
        '/bin/app: /lib/x86_64-linux-gnu/libnov.so: no version information available (required by /bin/app)\n' +
        '\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6\n\tlibnov.so => /lib/x86_64-linux-gnu/libnov.so\n' +
        '\t/lib64/ld-linux-x86-64.so.2\n\n\tVersion information:\n\t/bin/app:\n' +
        '\t\tlibc.so.6 (GLIBC_2.2.5) => /lib/x86_64-linux-gnu/libc.so.6\n' +
        '\t\tlibc.so.6 (GLIBC_2.99) => not found\n' +
        '\t\tlibc.so.6 (GLIBC_2.98) [WEAK] => not found\n' +
        '\t\tlibnov.so (NOV_1) => not found\n',
    );
  });

  it('big-endian ppc64: class, byte order and cache flags of the target', async () => {
    const be = { class: 64 as const, littleEndian: false, machine: 21 };
    const out = await ldd({
      '/lib64/ld64.so.1': buildElf({ ...be, soname: 'ld64.so.1' }),
      '/etc/ld.so.cache': buildNewCache({
        littleEndian: false,
        entries: [
          { flags: 0x0303, key: 'libp.so', value: '/x86/libp.so' },
          { flags: 0x0503, key: 'libp.so', value: '/ppc/libp.so' },
        ],
      }),
      '/bin/app': buildElf({ ...be, interpreter: '/lib64/ld64.so.1', needed: ['libp.so'] }),
      '/x86/libp.so': lib('libp.so'),
      '/ppc/libp.so': buildElf({ ...be, soname: 'libp.so' }),
    });
    expect(out).toBe('\tlibp.so => /ppc/libp.so\n');
  });

  it('files ldd cannot list', async () => {
    expect(await ldd({ '/bin/app': '#!/bin/sh\n' })).toBe('\tnot a dynamic executable\n');
    expect(await ldd({ '/bin/app': buildElf({ static: true, type: 2 }) })).toBe(
      '\tnot a dynamic executable\n',
    );
    expect(await ldd({ '/bin/app': exe({}) })).toBe('\tstatically linked\n');
    expect(await ldd({}, {}, false, '/no/such/file')).toBe('\tnot a dynamic executable\n');
    const i386 = buildElf({
      class: 32,
      machine: 3,
      interpreter: '/lib/ld-linux.so.2',
      needed: ['libc.so.6'],
    });
    expect(await ldd({ '/bin/sh': exe({ needed: ['libc.so.6'] }), '/bin/app': i386 })).toBe(
      '\tnot a dynamic executable\n',
    );
  });
});
