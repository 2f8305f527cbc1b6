/**
 * Packages per layer: synthetic layer stacks whose files carry real dpkg/apk database text (one
 * rule at a time: install, upgrade, remove, an unrelated layer, a whiteout of the whole database),
 * then the committed sample image, whose base layer installs 49 packages and whose later layers
 * touch no database.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEnv, openFileSource } from '../../cli/node-env';
import { ArchiveSession } from '../session/archive-session';
import { buildLayerStack } from '../layers/layer-stack';
import { dir, file, symlink, whiteout } from '../layers/layer-builders';
import type { TarEntry } from '../model/tar-entry';
import type { LayerPackages } from './layer-packages';
import { diffPackages, packagesPerLayer, touchesPackageDb } from './layer-packages';
import { compareDpkgVersions, compareRpmVersions } from './version-order';
import { installedPackage } from '../testing/installed-package';

type Spec = readonly (string | TarEntry | readonly [string, string])[];

/** Layers from specs: a [path, text] pair is a file with that content; a string is a directory. */
function stackOf(layers: readonly Spec[]) {
  // By header offset: the stack hands out entries made from its tables, not the objects given here.
  const contents = new Map<number, Uint8Array>();
  const entries = layers.map((layer) =>
    layer.map((item) => {
      if (typeof item === 'string') return dir(item);
      if (!Array.isArray(item)) return item as TarEntry;
      const [path, text] = item as readonly [string, string];
      const bytes = new TextEncoder().encode(text);
      const entry = file(path, bytes.length);
      contents.set(entry.headerOffset, bytes);
      return entry;
    }),
  );
  const reads: number[] = [];
  const reader = (layer: number, entry: TarEntry, offset: number, length: number) => {
    reads.push(layer);
    return Promise.resolve(contents.get(entry.headerOffset)!.subarray(offset, offset + length));
  };
  return { stack: buildLayerStack(entries), reader, reads };
}

const stanza = (name: string, version: string, extra = '') =>
  `Package: ${name}\nStatus: install ok installed\nArchitecture: amd64\nVersion: ${version}\n${extra}\n`;

function dump(layers: readonly LayerPackages[]): string {
  return layers
    .map((l) => {
      const set = l.packages.map((p) => `${p.name}=${p.version}`).join(' ');
      const up = l.upgraded.map((u) => `${u.name} ${u.from}->${u.to} ${u.direction ?? '?'}`).join(', ');
      return `L${l.index} ${l.dbChanged ? 'read' : 'same'} [${set}] +[${l.installed.join(' ')}] -[${l.removed.join(' ')}] ~[${up}]`;
    })
    .join('\n');
}

describe('packagesPerLayer over synthetic layers', () => {
  it('reads only the layers that change the database and diffs each against the one below', async () => {
    const { stack, reader } = stackOf([
      [
        '/var',
        '/var/lib',
        '/var/lib/dpkg',
        [
          '/var/lib/dpkg/status',
          stanza('libc6', '2.36-9', 'Multi-Arch: same') + '\n' + stanza('zlib1g', '1:1.2.13'),
        ],
        '/var/lib/dpkg/info',
        ['/var/lib/dpkg/info/libc6:amd64.list', '/.\n/lib\n'],
        ['/var/lib/dpkg/info/zlib1g.list', '/.\n'],
      ],
      ['/srv', ['/srv/app.sh', 'echo hi']],
      [
        [
          '/var/lib/dpkg/status',
          stanza('libc6', '2.36-9+deb12u4', 'Multi-Arch: same') + '\n' + stanza('curl', '7.88.1-10'),
        ],
        ['/var/lib/dpkg/info/curl.list', '/usr/bin/curl\n'],
        whiteout('/var/lib/dpkg/info/zlib1g.list'),
      ],
      [whiteout('/var/lib/dpkg')],
    ]);
    const layers = await packagesPerLayer(stack, reader);
    expect(dump(layers)).toBe(
      [
        'L0 read [libc6=2.36-9 zlib1g=1.2.13] +[libc6:amd64 zlib1g] -[] ~[]',
        'L1 same [libc6=2.36-9 zlib1g=1.2.13] +[] -[] ~[]',
        'L2 read [curl=7.88.1-10 libc6=2.36-9+deb12u4] +[curl] -[zlib1g] ~[libc6:amd64 2.36-9->2.36-9+deb12u4 up]',
        'L3 read [] +[] -[curl libc6:amd64] ~[]',
      ].join('\n'),
    );
    expect(layers[0]!.dbs.map((db) => db.location)).toEqual(['/var/lib/dpkg/status']);
  });

  it('an epoch-only change is an upgrade; toLayer stops early; a db-less image has empty sets', async () => {
    const { stack, reader, reads } = stackOf([
      ['/lib', '/lib/apk', '/lib/apk/db', ['/lib/apk/db/installed', 'P:musl\nV:1.2.4-r2\nA:x86_64\n\n']],
      [['/lib/apk/db/installed', 'P:musl\nV:1.2.4-r3\nA:x86_64\n\nP:zlib\nV:1.3-r0\nA:x86_64\n\n']],
      [['/lib/apk/db/installed', 'P:zlib\nV:1.3-r0\nA:x86_64\n\n']],
    ]);
    const two = await packagesPerLayer(stack, reader, { toLayer: 1 });
    expect(dump(two)).toBe(
      [
        'L0 read [musl=1.2.4-r2] +[musl] -[] ~[]',
        'L1 read [musl=1.2.4-r3 zlib=1.3-r0] +[zlib] -[] ~[musl 1.2.4-r2->1.2.4-r3 up]',
      ].join('\n'),
    );
    expect(new Set(reads)).toEqual(new Set([0, 1]));
    const bare = stackOf([['/etc', ['/etc/hostname', 'x']], [['/etc/motd', 'hi']]]);
    expect(dump(await packagesPerLayer(bare.stack, bare.reader))).toBe(
      'L0 same [] +[] -[] ~[]\nL1 same [] +[] -[] ~[]',
    );
    expect(bare.reads).toEqual([]);
  });

  it('counts /var/lib turned into a symlink as a database change (the database moved)', () => {
    const { stack } = stackOf([['/var', '/var/lib', '/usr', '/usr/lib'], [symlink('/var/lib', '/usr/lib')]]);
    expect(touchesPackageDb(stack.changes(1))).toBe(true);
    const quiet = stackOf([['/var', '/var/lib', '/var/log'], [['/var/log/x', '1']]]);
    expect(touchesPackageDb(quiet.stack.changes(1))).toBe(false);
  });
});

describe('diffPackages', () => {
  const pkg = (name: string, version: string, arch: string, manager: 'rpm' | 'dpkg', release = '') =>
    installedPackage(manager, name, { version, release, arch });

  it('names rpm multilib pairs name.arch and keeps managers apart', () => {
    const before = [pkg('glibc', '2.34', 'x86_64', 'rpm', '1'), pkg('zlib', '1', 'amd64', 'dpkg')];
    const after = [
      pkg('glibc', '2.34', 'x86_64', 'rpm', '2'),
      pkg('glibc', '2.34', 'i686', 'rpm', '2'),
      pkg('zlib', '1', 'x86_64', 'rpm', '1'),
      pkg('zlib', '1', 'amd64', 'dpkg'),
    ];
    expect(diffPackages(before, after)).toEqual({
      installed: ['glibc.i686', 'zlib'],
      removed: [],
      upgraded: [{ name: 'glibc.x86_64', from: '2.34-1', to: '2.34-2', direction: 'up' }],
    });
  });
});

/** Pairs whose order the tools decide: tilde, caret, epochs, leading zeros, letters against digits. */
const PAIRS: readonly [string, string][] = [
  ['1.0', '1.0'],
  ['1.0~rc1', '1.0'],
  ['1.0~rc1', '1.0~rc2'],
  ['1.0~~a', '1.0~'],
  ['1.0', '1.0.1'],
  ['1.0a', '1.0'],
  ['1.0a', '1.0.1'],
  ['1.01', '1.1'],
  ['1.010', '1.9'],
  ['2.36-9', '2.36-9+deb12u4'],
  ['2.36-9+deb12u4', '2.36-9+deb12u14'],
  ['1:1.2.13.dfsg-1', '1.2.13.dfsg-2'],
  ['7.88.1-10+deb12u15', '7.88.1-10+deb12u99'],
  ['1.6-2.1', '1.6-2'],
  ['3.0.20-1~deb12u2', '3.0.20-1'],
  ['5.4.1-1+deb12u1', '5.4.1-1+b1'],
  ['1.0+git20200101', '1.0'],
  ['2.4+20151223.gitfa8646d.1-2+b2', '2.4+20151223.gitfa8646d.1-2'],
  ['1.0^git1', '1.0'],
  ['1.0^git1', '1.0.1'],
  ['1.0-1.el8', '1.0-1.el8_8'],
  ['2.34-2.cm2', '2.34-10.cm2'],
  ['a', '1'],
  ['1.0_p1', '1.0.p1'],
  ['0:1.0-1', '1.0-1'],
];

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

function has(tool: string): boolean {
  return spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
}

describe.skipIf(!has('dpkg'))('compareDpkgVersions against dpkg --compare-versions', () => {
  it.each(PAIRS.filter(([a, b]) => !a.includes('^') && !b.includes('^') && !/_/.test(a + b)))(
    '%s vs %s',
    (a, b) => {
      const dpkg = (op: string) => spawnSync('dpkg', ['--compare-versions', a, op, b]).status === 0;
      const expected = dpkg('lt') ? -1 : dpkg('eq') ? 0 : 1;
      expect(sign(compareDpkgVersions(a, b))).toBe(expected);
      expect(sign(compareDpkgVersions(b, a))).toBe(0 - expected || 0);
    },
  );
});

describe.skipIf(!has('rpm'))('compareRpmVersions against rpm.vercmp', () => {
  it('orders every pair as rpm does', () => {
    const lua = PAIRS.map(([a, b]) => `print(rpm.vercmp('${a}', '${b}') .. ',')`).join(' ');
    const expected = execFileSync('rpm', ['--eval', `%{lua: ${lua}}`], { encoding: 'utf8' })
      .trim()
      .split(',')
      .filter((n) => n !== '')
      .map(Number);
    expect(PAIRS.map(([a, b]) => sign(compareRpmVersions(a, b)))).toEqual(expected);
    expect(PAIRS.map(([a, b]) => 0 - sign(compareRpmVersions(b, a)) || 0)).toEqual(expected);
  });
});

const SAMPLE = join(import.meta.dirname, '../../../public/samples/sample.tar');
const ORACLE = join(import.meta.dirname, '../../../fixtures/archives/sample.dpkg-query.tsv');

describe.skipIf(!existsSync(SAMPLE))('packagesPerLayer over public/samples/sample.tar', () => {
  it('installs the 49 packages dpkg-query -W lists in the base layer and nothing after', async () => {
    const source = await openFileSource(SAMPLE);
    try {
      const session = await ArchiveSession.open(source, nodeEnv);
      const image = session.info.images[0]!;
      await session.indexImage(image);
      const stack = session.layerStack(image);
      const layers = await packagesPerLayer(stack, (n, entry, offset, length) =>
        session.readEntry(image, n, entry, offset, length),
      );
      const oracle = readFileSync(ORACLE, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split('\t').slice(0, 3).join('\t'));
      const top = layers[layers.length - 1]!;
      expect(
        top.packages.map((p) =>
          [p.name, p.epoch === undefined ? p.version : `${p.epoch}:${p.version}`, p.arch].join('\t'),
        ),
      ).toEqual(oracle);
      expect(layers.map((l) => [l.index, l.dbChanged, l.installed.length, l.removed.length])).toEqual([
        [0, true, 49, 0],
        [1, false, 0, 0],
        [2, false, 0, 0],
        [3, false, 0, 0],
        [4, false, 0, 0],
      ]);
      expect(layers[0]!.installed).toContain('libc6:amd64');
    } finally {
      await source.close();
    }
  });
});
