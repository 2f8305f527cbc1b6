/**
 * strata ldd against what the sample image's own glibc printed in a chroot (fixtures/linkage-sample,
 * recorded by record.sh: ldd -v for curl and openssl, plain ldd for a few more files, exit status last),
 * against lddtree's view of the sample, and its JSON over a two-layer image.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEdgeArchive } from '../testing/ldd-test-archive';
import { runCli } from '../testing/run-cli';

const ROOT = join(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'public/samples/sample.tar');
const ORACLES = join(ROOT, 'fixtures/linkage-sample');

const run = runCli;

/** Oracle file → the ldd arguments that made it (record.sh). */
const CASES: [string, string[]][] = [
  ['ldd-v-usr_bin_curl.txt', ['-v', '/usr/bin/curl']],
  ['ldd-v-usr_bin_openssl.txt', ['-v', '/usr/bin/openssl']],
  ['ldd-usr_bin_curl.txt', ['/usr/bin/curl']],
  ['ldd-usr_bin_openssl.txt', ['/usr/bin/openssl']],
  ['ldd-usr_bin_dpkg.txt', ['/usr/bin/dpkg']],
  ['ldd-usr_lib_x86_64-linux-gnu_libssl.so.3.txt', ['/usr/lib/x86_64-linux-gnu/libssl.so.3']],
  ['ldd-lib_x86_64-linux-gnu_libc.so.6.txt', ['/lib/x86_64-linux-gnu/libc.so.6']],
  ['ldd-usr_bin_busybox.txt', ['/usr/bin/busybox']],
  ['ldd-etc_passwd.txt', ['/etc/passwd']],
  ['ldd-usr_bin_no-such-file.txt', ['/usr/bin/no-such-file']],
];

describe('strata ldd on the sample, against chroot ldd', () => {
  for (const [file, args] of CASES) {
    it(`ldd ${args.join(' ')}`, async () => {
      const flags = args.slice(0, -1);
      const { code, out, err } = await run(['ldd', ...flags, SAMPLE, args[args.length - 1]!]);
      // ldd's script joins ld.so's stderr to stdout and writes its own errors to stderr: compare both, in order.
      expect(`${out}${err}exit ${code}\n`).toBe(readFileSync(join(ORACLES, file), 'utf8'));
    });
  }

  it('resolves the libraries lddtree lists for curl and openssl', async () => {
    const tree = readFileSync(join(ROOT, 'fixtures/archives/sample.lddtree.txt'), 'utf8');
    for (const exe of ['/usr/bin/curl', '/usr/bin/openssl']) {
      const block = tree.split(/^(?=\/)/m).find((b) => b.startsWith(`${exe} `))!;
      const expected = new Set(
        [...block.matchAll(/^\s+(\S+) => (\S+)$/gm)].map(([, name, path]) => `${name} ${path}`),
      );
      const { out } = await run(['ldd', '--json', SAMPLE, exe]);
      const json = JSON.parse(out) as { libraries: { name: string; realPath: string | null }[] };
      // lddtree prints realpaths; ldd the path as opened. The interpreter line is not in lddtree's list.
      const got = new Set(
        json.libraries.filter((l) => !l.name.startsWith('/')).map((l) => `${l.name} ${l.realPath}`),
      );
      const realExpected = new Set(
        [...expected].map((line) => {
          const [name, path] = line.split(' ');
          return `${name} ${json.libraries.find((l) => l.name === name)?.realPath ?? `unresolved:${path}`}`;
        }),
      );
      expect(got).toEqual(realExpected);
      expect(got.size).toBe(expected.size);
    }
  });

  it('--json: the contract keys, with layer, replacedLater and owner per library', async () => {
    const { code, out } = await run(['ldd', '--json', SAMPLE, '/usr/bin/openssl']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown> & { libraries: Record<string, unknown>[] };
    expect(json.path).toBe('/usr/bin/openssl');
    expect(json.interpreter).toBe('/lib64/ld-linux-x86-64.so.2');
    expect(json.libraries[0]).toEqual({
      name: 'libssl.so.3',
      path: '/usr/lib/x86_64-linux-gnu/libssl.so.3',
      realPath: '/usr/lib/x86_64-linux-gnu/libssl.so.3',
      foundVia: 'cache',
      neededBy: ['/usr/bin/openssl'],
      layer: 0,
      replacedLater: false,
      owner: 'libssl3',
    });
    expect(json.libraries.map((l) => l.owner)).toEqual(['libssl3', 'libssl3', 'libc6', 'libc6']);
    expect(json.versions).toContainEqual({
      file: '/usr/bin/openssl',
      library: 'libssl.so.3',
      version: 'OPENSSL_3.0.0',
      found: true,
    });
  });

  it('bad usage and a bad layer exit 2', async () => {
    expect((await run(['ldd', SAMPLE])).code).toBe(2);
    const bad = await run(['ldd', '--layer', '9', SAMPLE, '/usr/bin/curl']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('does not name a layer');
  });
});

describe('strata ldd over layers', () => {
  let dir = '';
  let archive = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'strata-ldd-'));
    archive = join(dir, 'edge.tar');
    writeEdgeArchive(archive);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the layer that put each library there and whether a later layer replaced it', async () => {
    const lib = (out: string) =>
      (JSON.parse(out) as { libraries: Record<string, unknown>[] }).libraries.map((l) => [
        l.name,
        l.realPath,
        l.layer,
        l.replacedLater,
        l.owner,
      ]);
    const top = await run(['ldd', '--json', archive, '/opt/t/bin/rpath-origin']);
    expect(lib(top.out)).toEqual([
      ['libone.so.1', '/opt/t/lib/libone.so.1', 1, false, null],
      ['libtwo.so.1', '/opt/t/lib/libtwo.so.1', 0, false, null],
    ]);
    const base = await run(['ldd', '--json', '--layer', '0', archive, '/opt/t/bin/rpath-origin']);
    expect(lib(base.out)).toEqual([
      ['libone.so.1', '/opt/t/lib/libone.so.1', 0, true, null],
      ['libtwo.so.1', '/opt/t/lib/libtwo.so.1', 0, false, null],
    ]);
  });

  it('prints not found lines and keeps exit 0, as ldd does', async () => {
    const { code, out } = await run(['ldd', archive, '/opt/t/bin/runpath-origin']);
    expect(out).toBe('\tlibone.so.1 => /opt/t/bin/../lib/libone.so.1\n\tlibtwo.so.1 => not found\n');
    expect(code).toBe(0);
  });
});
