/**
 * strata owner against the tools' own answers: `dpkg-query -S` over the sample image
 * (public/samples/sample.tar) and over the merged-/usr Debian root of fixtures/packages/dpkg,
 * `rpm -qf` over the rpm root of fixtures/packages/rpm. The two roots are put into synthetic
 * docker-archive layers here (the databases and oracles are real, the tars are not).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dpkgRootLayer,
  entriesFromDisk,
  layOutRpmFiles,
  readPackagesFixture,
  rpmRootLayer,
  withParents,
  writeDockerArchive,
} from '../testing/packages-test-images';
import { runCli, hasTool } from '../testing/run-cli';

const ROOT = join(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'public/samples/sample.tar');
const NO_DB = join(ROOT, 'fixtures/archives/podman-docker-archive.tar');
const MARINER = join(ROOT, '../shared/corpus/rpmdb/cbl-mariner-2.0.rpmdb.sqlite');

const hasRpm = () => hasTool('rpm');
const RPM_CORPUS = existsSync(MARINER) && hasRpm();
if (!RPM_CORPUS)
  console.warn('owner.test: skipping the CBL-Mariner comparison (needs ../shared/corpus and rpm).');

const run = runCli;

/** "== PATH" blocks of an oracle file: the path and the tool's combined output. */
function oracleBlocks(text: string): [string, string][] {
  return text
    .split(/^== /m)
    .slice(1)
    .map((block) => {
      const [path, ...lines] = block.trimEnd().split('\n');
      return [path!, lines.join('\n')];
    });
}

/** dpkg orders several owners by its own load order; compare them as a set. */
function ownerSet(line: string): string {
  const m = /^(.+): (\/.*)$/.exec(line);
  if (!m || m[1]!.includes(' from')) return line;
  return `${m[1]!.split(', ').sort().join(', ')}: ${m[2]!}`;
}

let work = '';
let dpkgImage = '';
let rpmImage = '';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'strata-owner-'));
  dpkgImage = join(work, 'dpkg-merged-usr.tar');
  rpmImage = join(work, 'rpm.tar');
  writeDockerArchive(dpkgImage, 'localhost/dpkg-merged-usr:1', [
    { createdBy: 'mmdebstrap --variant=minbase --include=curl bookworm', entries: dpkgRootLayer() },
  ]);
  writeDockerArchive(rpmImage, 'localhost/rpm-greet:1', [
    { createdBy: 'rpm -ivh greet zlib1g', entries: rpmRootLayer() },
  ]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!existsSync(SAMPLE))('strata owner on the sample image', () => {
  const oracle = readFileSync(join(ROOT, 'fixtures/archives/sample.dpkg-search.txt'), 'utf8');
  const paths = [
    '/usr/bin/curl',
    '/usr/bin/openssl',
    '/usr/lib/x86_64-linux-gnu/libssl.so.3',
    '/usr/share/common-licenses/GPL-3',
    '/etc/issue.net',
    '/etc/ssl/openssl.cnf',
    '/srv/app/fetch.sh',
  ];

  it('prints what dpkg-query -S printed, owners on stdout and the miss on stderr, exit 1', async () => {
    const { code, out, err } = await run(['owner', SAMPLE, ...paths]);
    expect(out + err).toBe(oracle);
    expect(err).toBe('dpkg-query: no path found matching pattern /srv/app/fetch.sh\n');
    expect(code).toBe(1);
  });

  it('exits 0 when every path has an owner, even a file a later layer deleted (dpkg keeps listing it)', async () => {
    expect(await run(['owner', SAMPLE, '/etc/issue.net', '/usr/bin/curl'])).toEqual({
      code: 0,
      out: 'base-files: /etc/issue.net\ncurl: /usr/bin/curl\n',
      err: '',
    });
  });

  it('answers the sample as it is: /lib is a real directory there, so /usr/lib/…/libz.so.1 does not exist', async () => {
    const lib = await run(['owner', SAMPLE, '/lib/x86_64-linux-gnu/libz.so.1']);
    expect(lib.out).toBe('zlib1g:amd64: /lib/x86_64-linux-gnu/libz.so.1\n');
    const usr = await run(['owner', SAMPLE, '/usr/lib/x86_64-linux-gnu/libz.so.1']);
    expect(usr).toEqual({
      code: 1,
      out: '',
      err: 'dpkg-query: no path found matching pattern /usr/lib/x86_64-linux-gnu/libz.so.1\n',
    });
  });

  it('prints the agreed JSON keys: one object for one path, an array for several', async () => {
    const one = await run(['owner', '--json', SAMPLE, '/usr/lib/x86_64-linux-gnu/libssl.so.3']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toEqual({
      path: '/usr/lib/x86_64-linux-gnu/libssl.so.3',
      canonicalPath: '/usr/lib/x86_64-linux-gnu/libssl.so.3',
      package: { name: 'libssl3', version: '3.0.20-1~deb12u2', arch: 'amd64', manager: 'dpkg' },
      owners: [{ name: 'libssl3', version: '3.0.20-1~deb12u2', arch: 'amd64', manager: 'dpkg' }],
      match: 'path',
      targetPath: null,
      layer: 4,
    });
    const two = await run([
      'owner',
      '--json',
      '--layer',
      '0',
      SAMPLE,
      '/srv/app/fetch.sh',
      'usr/bin/../bin/curl',
    ]);
    expect(two.code).toBe(1);
    const rows = JSON.parse(two.out) as { path: string; package: { name: string } | null; layer: number }[];
    expect(rows.map((r) => [r.path, r.package?.name ?? null, r.layer])).toEqual([
      ['/srv/app/fetch.sh', null, 0],
      ['/usr/bin/curl', 'curl', 0],
    ]);
  });
});

describe('strata owner on a merged-/usr Debian root', () => {
  const blocks = oracleBlocks(readPackagesFixture('dpkg/oracle-S.txt'));
  // Where dpkg's literal lookup misses, strata resolves the directory part (merged /usr) or, for a
  // symlink no package lists, names the owner of its target.
  const beyondDpkg: Record<string, string> = {
    '/usr/bin/sh': 'dash: /usr/bin/sh',
    '/usr/bin/dash': 'dash: /usr/bin/dash',
    '/lib/x86_64-linux-gnu/libcurl.so.4': 'libcurl4:amd64: /lib/x86_64-linux-gnu/libcurl.so.4',
    '/usr/lib/x86_64-linux-gnu/libc.so.6': 'libc6:amd64: /usr/lib/x86_64-linux-gnu/libc.so.6',
    '/usr/lib/x86_64-linux-gnu/libz.so.1': 'zlib1g:amd64: /usr/lib/x86_64-linux-gnu/libz.so.1',
    '/usr/sbin/mkfs.ext4': 'e2fsprogs: /usr/sbin/mkfs.ext4',
    '/etc/alternatives/awk': 'mawk: /etc/alternatives/awk',
    '/usr/bin/awk': 'mawk: /usr/bin/awk',
  };

  it('agrees with dpkg-query -S wherever dpkg finds the path, and goes beyond it only where listed', async () => {
    expect(blocks.length).toBeGreaterThan(60);
    const { out, err } = await run(['owner', dpkgImage, ...blocks.map(([path]) => path)]);
    const ours = [...out.trimEnd().split('\n'), ...err.trimEnd().split('\n')].map(ownerSet);
    for (const [path, expected] of blocks) {
      const want = beyondDpkg[path] ?? expected;
      for (const line of want.split('\n')) expect(ours, path).toContain(ownerSet(line));
    }
    expect(err.split('\n').filter((l) => l.startsWith('note:'))).toEqual([
      'note: no package lists /etc/alternatives/awk; it is a symlink to /usr/bin/mawk, which it owns.',
      'note: no package lists /usr/bin/awk; it is a symlink to /usr/bin/mawk, which it owns.',
    ]);
  });

  it('finds libz.so.1 both as zlib1g lists it (/lib/…) and as the loader finds it (/usr/lib/…)', async () => {
    const r = await run([
      'owner',
      '--json',
      dpkgImage,
      '/lib/x86_64-linux-gnu/libz.so.1',
      '/usr/lib/x86_64-linux-gnu/libz.so.1',
    ]);
    const rows = JSON.parse(r.out) as { path: string; canonicalPath: string; package: { name: string } }[];
    expect(rows.map((row) => [row.path, row.canonicalPath, row.package.name])).toEqual([
      ['/lib/x86_64-linux-gnu/libz.so.1', '/usr/lib/x86_64-linux-gnu/libz.so.1', 'zlib1g'],
      ['/usr/lib/x86_64-linux-gnu/libz.so.1', '/usr/lib/x86_64-linux-gnu/libz.so.1', 'zlib1g'],
    ]);
    expect(r.code).toBe(0);
  });

  it('prints the diversion lines dpkg prints for a diverted path', async () => {
    const r = await run(['owner', dpkgImage, '/bin/sh']);
    expect(r.out).toBe(
      'diversion by dash from: /bin/sh\ndiversion by dash to: /bin/sh.distrib\ndash: /bin/sh\n',
    );
  });
});

describe('strata owner on an rpm root', () => {
  const oracle = readPackagesFixture('rpm/oracle-qf.txt')
    .trim()
    .split('\n')
    .map((line) => line.split('\t') as [string, string]);

  it.each(oracle)('%s: prints what rpm -qf printed', async (path, expected) => {
    const r = await run(['owner', rpmImage, path]);
    expect(r.out + r.err).toBe(`${expected}\n`);
    // rpm prints owners on stdout and "error: file …" on stderr; both exit 1 when not owned.
    expect(r.code).toBe(expected.startsWith('error:') || expected.includes('not owned') ? 1 : 0);
    expect(r.err).toBe(expected.startsWith('error:') ? `${expected}\n` : '');
  });

  it('says "not owned" for a file that exists but no package lists, and keeps the epoch in JSON', async () => {
    expect(await run(['owner', rpmImage, '/var/lib/rpm/rpmdb.sqlite'])).toEqual({
      code: 1,
      out: 'file /var/lib/rpm/rpmdb.sqlite is not owned by any package\n',
      err: '',
    });
    const json = JSON.parse((await run(['owner', '--json', rpmImage, '/usr/bin/greet'])).out) as {
      package: unknown;
    };
    expect(json.package).toEqual({ name: 'greet', version: '1:2.1-3', arch: 'x86_64', manager: 'rpm' });
  });
});

describe('strata owner on an Alpine root', () => {
  it('answers like apk info --who-owns, and says so when no package owns a path', async () => {
    const image = join(work, 'alpine.tar');
    writeDockerArchive(image, 'localhost/alpine-like:3', [
      {
        createdBy: 'apk add busybox zlib',
        entries: withParents([
          { path: '/lib/apk/db/installed', kind: 'file', content: readPackagesFixture('apk/installed') },
          { path: '/lib/libz.so.1.3.1', kind: 'file', content: 'ELF' },
          { path: '/lib/libz.so.1', kind: 'symlink', linkTarget: 'libz.so.1.3.1' },
          { path: '/bin/busybox', kind: 'file', content: 'ELF' },
          { path: '/etc/motd', kind: 'file', content: 'hi' },
        ]),
      },
    ]);
    expect(await run(['owner', image, '/lib/libz.so.1', '/bin/busybox', '/etc/motd'])).toEqual({
      code: 1,
      out: '/lib/libz.so.1 is owned by zlib-1.3.1-r0\n/bin/busybox is owned by busybox-1.36.1-r15\n',
      err: 'ERROR: /etc/motd: Could not find owner package\n',
    });
    const json = JSON.parse((await run(['owner', '--json', image, '/lib/libz.so.1'])).out) as {
      package: unknown;
    };
    expect(json.package).toEqual({ name: 'zlib', version: '1.3.1-r0', arch: 'x86_64', manager: 'apk' });
  });
});

describe('strata owner errors', () => {
  it('is a usage error (exit 2) without a PATH', async () => {
    const r = await run(['owner', rpmImage]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: strata owner');
  });

  it('says where it looked when the image has no package database (exit 1)', async () => {
    const r = await run(['owner', NO_DB, '/etc/motd']);
    expect(r).toEqual({
      code: 1,
      out: '',
      err: 'strata owner: The image has no package database at layer 5 (strata looks in /var/lib/dpkg, /var/lib/rpm, /usr/lib/sysimage/rpm, /usr/share/rpm, /lib/apk/db); its files belong to no dpkg, rpm or apk package.\n',
    });
  });

  it('rejects a --layer outside the image (exit 2)', async () => {
    const r = await run(['owner', '--layer', '3', rpmImage, '/usr/bin/greet']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'strata owner: --layer 3 does not name a layer: this image has layers 0 to 0 (0 is the base).\n',
    );
  });
});

describe.skipIf(!RPM_CORPUS)('strata owner against rpm -qf on a CBL-Mariner 2.0 root (corpus)', () => {
  it('prints what rpm -qf prints for every 15th listed path (one line per matching file record)', async () => {
    // The root rpm would have installed (directories, symlinks such as /bin -> usr/bin, empty
    // files), on disk for rpm and as one layer for strata.
    const root = join(work, 'mariner');
    mkdirSync(join(root, 'var/lib/rpm'), { recursive: true });
    copyFileSync(MARINER, join(root, 'var/lib/rpm/rpmdb.sqlite'));
    const listing = execFileSync(
      'rpm',
      [
        '--root',
        root,
        '--dbpath',
        '/var/lib/rpm',
        '-qa',
        '--qf',
        '[%{FILEMODES:perms}\\t%{FILENAMES}\\t%{FILELINKTOS}\\n]',
      ],
      { encoding: 'utf8' },
    );
    layOutRpmFiles(root, listing);
    const image = join(work, 'mariner.tar');
    writeDockerArchive(image, 'localhost/mariner:2.0', [
      { createdBy: 'tdnf install', entries: entriesFromDisk(root) },
    ]);

    // rpm --root stats a queried path and resolves the directories of its database entries on the
    // host, not in the root: keep to paths whose directories are real in the root and on the
    // host, away from the links Mariner and the host lay out differently (lib64, /usr/lib/debug).
    const plain = (path: string) => {
      const dir = dirname(path);
      return (
        realpathSync(join(root, dir)) === join(root, dir) &&
        (!existsSync(dir) || realpathSync(dir) === dir) &&
        !/lib64|\/usr\/lib\/debug|^\/(media|srv|var\/run|var\/lock)\//.test(path)
      );
    };
    const listed = [...new Set(listing.split('\n').map((line) => line.split('\t')[1] ?? ''))];
    const paths = [...listed.filter((p, i) => i % 15 === 0 && p !== '' && plain(p)), '/usr/bin/not-there'];
    const oracle = spawnSync('rpm', ['--root', root, '--dbpath', '/var/lib/rpm', '-qf', ...paths], {
      encoding: 'utf8',
    });
    const ours = await run(['owner', image, ...paths]);
    expect(paths.length).toBeGreaterThan(300);
    expect(ours.out).toBe(oracle.stdout);
    expect(ours.err).toBe(oracle.stderr);
    expect(ours.code).toBe(1);
    // systemd lists /sbin/poweroff and /usr/sbin/poweroff: rpm names it once per record.
    expect((await run(['owner', image, '/usr/sbin/poweroff'])).out).toBe(
      'systemd-249.7-3.cm2.x86_64\nsystemd-249.7-3.cm2.x86_64\n',
    );
  });
});
