import { describe, expect, it } from 'vitest';
import { buildElf, type BuildElf } from '../../../fixtures/linkage/elf-builder';
import { memoryImageFs, type MemoryFile } from '../testing/memory-image-fs';
import { formatLdd, lddExitCode } from './format-ldd';
import { resolveLoad } from './load-executable';

const LDSO = '/lib/ld-musl-x86_64.so.1';
const libc = buildElf({ soname: 'libc.musl-x86_64.so.1', symbols: [{ name: 'printf', shndx: 9 }] });
const exe = (spec: BuildElf) => buildElf({ interpreter: LDSO, ...spec });
const lib = (soname: string, spec: BuildElf = {}) => buildElf({ soname, ...spec });

async function list(files: Record<string, MemoryFile>, path = '/bin/app'): Promise<[string, number]> {
  const result = await resolveLoad(memoryImageFs({ [LDSO]: libc, ...files }), path);
  return [formatLdd(result), lddExitCode(result)];
}

describe('musl loader rules (synthetic images, `ld-musl --list`)', () => {
  it('reserved names resolve to ld-musl itself and print once per name stem', async () => {
    const [out] = await list({
      '/bin/app': exe({ needed: ['libc.musl-x86_64.so.1', 'libm.so.6', 'libc.so'] }),
    });
    expect(out).toBe(
      '\t/lib/ld-musl-x86_64.so.1\n\tlibc.musl-x86_64.so.1 => /lib/ld-musl-x86_64.so.1\n' +
        '\tlibm.so.6 => /lib/ld-musl-x86_64.so.1\n',
    );
  });

  it('the default path without a path file; an empty path file means no system directories', async () => {
    const files = { '/bin/app': exe({ needed: ['libz.so.1'] }), '/usr/lib/libz.so.1': lib('libz.so.1') };
    expect((await list(files))[0]).toBe('\t/lib/ld-musl-x86_64.so.1\n\tlibz.so.1 => /usr/lib/libz.so.1\n');
    const [out, code] = await list({ ...files, '/etc/ld-musl-x86_64.path': '' });
    expect([out, code]).toEqual([
      '\t/lib/ld-musl-x86_64.so.1\n' +
        'Error loading shared library libz.so.1: No such file or directory (needed by /bin/app)\n',
      127,
    ]);
    const custom = await list({
      ...files,
      '/etc/ld-musl-x86_64.path': '/opt/z\n',
      '/opt/z/libz.so.1': lib('libz.so.1'),
    });
    expect(custom[0]).toBe('\t/lib/ld-musl-x86_64.so.1\n\tlibz.so.1 => /opt/z/libz.so.1\n');
  });

  it('no SONAME matching: a later request by SONAME loads the file again by name', async () => {
    const [out] = await list({
      '/bin/app': exe({ needed: ['libfirst.so', 'libx.so.1'], runpath: '/a' }),
      '/a/libfirst.so': lib('libx.so.1'),
      '/a/libx.so.1': lib('libx.so.1'),
    });
    expect(out).toBe(
      '\t/lib/ld-musl-x86_64.so.1\n\tlibfirst.so => /a/libfirst.so\n\tlibx.so.1 => /a/libx.so.1\n',
    );
  });

  it('an rpath with a token other than $ORIGIN is void; empty elements are skipped', async () => {
    const [out] = await list({
      '/bin/app': exe({ needed: ['liba.so', 'libb.so'], rpath: '::$ORIGIN/../a' }),
      '/a/liba.so': lib('liba.so', { needed: ['libb.so'], rpath: '/b:$LIB/b' }),
      '/b/libb.so': lib('libb.so'),
    });
    expect(out).toBe(
      '\t/lib/ld-musl-x86_64.so.1\n\tliba.so => /bin/../a/liba.so\n' +
        'Error loading shared library libb.so: No such file or directory (needed by /bin/app)\n' +
        'Error loading shared library libb.so: No such file or directory (needed by /bin/../a/liba.so)\n',
    );
  });

  it('symbols no loaded object defines are relocation errors', async () => {
    const [out, code] = await list({
      '/bin/app': exe({ needed: ['libc.so'], symbols: [{ name: 'printf' }, { name: 'nowhere' }] }),
    });
    expect([out, code]).toEqual([
      '\t/lib/ld-musl-x86_64.so.1\n\tlibc.so => /lib/ld-musl-x86_64.so.1\n' +
        'Error relocating /bin/app: nowhere: symbol not found\n',
      127,
    ]);
  });
});
