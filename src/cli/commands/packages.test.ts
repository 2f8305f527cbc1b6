/**
 * strata packages: the sample image against `dpkg-query -W` (fixtures/archives/sample.dpkg-query.tsv),
 * a synthetic two-layer image over the real merged-/usr dpkg database of fixtures/packages/dpkg whose
 * second layer upgrades, removes and installs packages (golden text dump), the rpm root of
 * fixtures/packages/rpm, an image with no database, and the JSON and CycloneDX shapes.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackagesJson } from './packages-report';
import {
  dpkgRootLayer,
  readPackagesFixture,
  rpmRootLayer,
  withParents,
  writeDockerArchive,
} from '../testing/packages-test-images';
import { runCli, hasTool } from '../testing/run-cli';

const ROOT = join(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'public/samples/sample.tar');
const NO_DB = join(ROOT, 'fixtures/archives/podman-docker-archive.tar');
const GOLDEN = join(import.meta.dirname, '__golden__');
const MARINER = join(ROOT, '../shared/corpus/rpmdb/cbl-mariner-2.0.rpmdb.sqlite');

const hasRpm = () => hasTool('rpm');
const RPM_CORPUS = existsSync(MARINER) && hasRpm();
if (!RPM_CORPUS)
  console.warn('packages.test: skipping the CBL-Mariner comparison (needs ../shared/corpus and rpm).');

const run = runCli;

function expectGolden(name: string, text: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/** The fixture's status with curl upgraded, mawk removed and a new package added (what apt would leave). */
function upgradedStatus(): string {
  const stanzas = readPackagesFixture('dpkg/admin/status').trimEnd().split('\n\n');
  const kept = stanzas
    .filter((s) => !s.startsWith('Package: mawk\n'))
    .map((s) =>
      s.startsWith('Package: curl\n') ? s.replace(/^Version: .*$/m, 'Version: 7.88.1-10+deb12u99') : s,
    );
  const added =
    'Package: jq\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.6-2.1\nInstalled-Size: 102';
  return `${[...kept, added].join('\n\n')}\n`;
}

let work = '';
let layered = '';
let rpmImage = '';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'strata-packages-'));
  layered = join(work, 'dpkg-layered.tar');
  rpmImage = join(work, 'rpm.tar');
  writeDockerArchive(layered, 'localhost/dpkg-layered:1', [
    { createdBy: 'mmdebstrap --variant=minbase --include=curl bookworm', entries: dpkgRootLayer() },
    {
      createdBy: 'COPY app /srv/app',
      entries: [
        { path: '/srv', kind: 'dir' },
        { path: '/srv/app', kind: 'file', content: 'x' },
      ],
    },
    {
      createdBy: 'RUN apt-get install -y jq && apt-get upgrade -y curl && apt-get purge -y mawk',
      entries: [
        { path: '/var/lib/dpkg/status', kind: 'file', content: upgradedStatus() },
        { path: '/var/lib/dpkg/info/jq.list', kind: 'file', content: '/.\n/usr/bin/jq\n' },
        { path: '/var/lib/dpkg/info/mawk.list', kind: 'whiteout' },
        { path: '/usr/bin/jq', kind: 'file', content: 'ELF' },
      ],
    },
    {
      createdBy: 'RUN apt-get install -y --allow-downgrades curl=7.88.1-10+deb12u15',
      entries: [
        {
          path: '/var/lib/dpkg/status',
          kind: 'file',
          content: upgradedStatus().replace('Version: 7.88.1-10+deb12u99', 'Version: 7.88.1-10+deb12u15'),
        },
      ],
    },
  ]);
  writeDockerArchive(rpmImage, 'localhost/rpm-greet:1', [
    { createdBy: 'rpm -ivh greet zlib1g', entries: rpmRootLayer() },
  ]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!existsSync(SAMPLE))('strata packages on the sample image', () => {
  it('lists exactly what dpkg-query -W listed (name, version with epoch, arch), sorted by name', async () => {
    const { code, out, err } = await run(['packages', '--json', SAMPLE]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const json = JSON.parse(out) as PackagesJson;
    const oracle = readFileSync(join(ROOT, 'fixtures/archives/sample.dpkg-query.tsv'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t').slice(0, 3).join('\t'));
    expect(json.packages.map((p) => [p.name, p.version, p.arch].join('\t'))).toEqual(oracle);
  });

  it('writes the agreed JSON: version 1, managers, per-layer installs with created-by', async () => {
    const json = JSON.parse((await run(['packages', '--json', SAMPLE])).out) as PackagesJson;
    expect(Object.keys(json)).toEqual([
      'version',
      'image',
      'layer',
      'managers',
      'databases',
      'packages',
      'layers',
      'warnings',
    ]);
    expect(json.version).toBe(1);
    expect(json.managers).toEqual(['dpkg']);
    expect(json.databases).toEqual([
      {
        manager: 'dpkg',
        format: 'dpkg-status',
        location: '/var/lib/dpkg/status',
        packages: 49,
        warnings: [],
      },
    ]);
    expect(json.layers.map((l) => [l.index, l.installed.length, l.removed, l.upgraded, l.dbChanged])).toEqual(
      [
        [0, 49, [], [], true],
        [1, 0, [], [], false],
        [2, 0, [], [], false],
        [3, 0, [], [], false],
        [4, 0, [], [], false],
      ],
    );
    expect(json.layers[2]!.createdBy).toBe('/bin/sh -c busybox rm /etc/issue.net');
    expect(json.packages.find((p) => p.name === 'busybox')).toEqual({
      name: 'busybox',
      version: '1:1.35.0-4+deb12u1+b1',
      epoch: 1,
      release: '',
      arch: 'amd64',
      manager: 'dpkg',
      source: 'busybox',
      license: '',
      licenses: [],
      vendor: '',
      installedSize: 837632, // Installed-Size: 818 (KiB)
      fileCount: 19,
      purl: 'pkg:deb/debian/busybox@1:1.35.0-4+deb12u1+b1?arch=amd64&distro=debian-12',
    });
    // dpkg has no licence field: the names come from the DEP-5 copyright file.
    expect(json.packages.find((p) => p.name === 'libacl1')?.licenses).toEqual(['GPL-2+', 'LGPL-2+']);
  });

  it('writes a CycloneDX 1.5 SBOM naming the image and each package by purl and licence', async () => {
    const { code, out } = await run(['packages', '--format', 'cyclonedx', SAMPLE]);
    expect(code).toBe(0);
    const bom = JSON.parse(out) as {
      bomFormat: string;
      specVersion: string;
      serialNumber: string;
      metadata: { component: { type: string; name: string; version: string }; tools: unknown };
      components: { name: string; purl: string; licenses?: unknown }[];
    };
    expect([bom.bomFormat, bom.specVersion]).toEqual(['CycloneDX', '1.5']);
    expect(bom.serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(bom.metadata.component).toMatchObject({
      type: 'container',
      name: 'localhost/strata-sample:1',
      version: 'sha256:85ea39e490bff040379b74240d3f04a9ef7bb40cfad213aca8a524a725156bb5',
    });
    expect(bom.components).toHaveLength(49);
    const curl = bom.components.find((c) => c.name === 'curl')!;
    expect(curl.purl).toBe('pkg:deb/debian/curl@7.88.1-10+deb12u15?arch=amd64&distro=debian-12');
    expect(bom.components.find((c) => c.name === 'libbrotli1')?.licenses).toEqual([
      { license: { id: 'MIT' } },
    ]);
    expect(bom.components.find((c) => c.name === 'libacl1')?.licenses).toEqual([
      { license: { name: 'GPL-2+' } },
      { license: { name: 'LGPL-2+' } },
    ]);
  });
});

describe('strata packages over layers', () => {
  it('names what each layer installed, removed and upgraded (golden text)', async () => {
    const { code, out, err } = await run(['packages', layered]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expectGolden('dpkg-layered.packages.txt', out);
  });

  it('gives the per-layer diff in JSON and stops at --layer', async () => {
    const json = JSON.parse((await run(['packages', '--json', layered])).out) as PackagesJson;
    expect(json.layers.slice(0, 3).map((l) => ({ ...l, installed: l.installed.length }))).toEqual([
      {
        index: 0,
        createdBy: 'mmdebstrap --variant=minbase --include=curl bookworm',
        installed: 43,
        removed: [],
        upgraded: [],
        dbChanged: true,
        packageCount: 43,
      },
      {
        index: 1,
        createdBy: 'COPY app /srv/app',
        installed: 0,
        removed: [],
        upgraded: [],
        dbChanged: false,
        packageCount: 43,
      },
      {
        index: 2,
        createdBy: 'RUN apt-get install -y jq && apt-get upgrade -y curl && apt-get purge -y mawk',
        installed: 1,
        removed: ['mawk'],
        upgraded: [{ name: 'curl', from: '7.88.1-10+deb12u15', to: '7.88.1-10+deb12u99', direction: 'up' }],
        dbChanged: true,
        packageCount: 43,
      },
    ]);
    expect(json.layers[2]!.installed).toEqual(['jq']);
    expect(json.layers[3]!.upgraded).toEqual([
      { name: 'curl', from: '7.88.1-10+deb12u99', to: '7.88.1-10+deb12u15', direction: 'down' },
    ]);
    const base = JSON.parse((await run(['packages', '--json', '--layer', '1', layered])).out) as PackagesJson;
    expect(base.layers).toHaveLength(2);
    expect(base.packages.some((p) => p.name === 'mawk')).toBe(true);
    expect(base.packages.some((p) => p.name === 'jq')).toBe(false);
  });
});

describe('strata packages on other images', () => {
  it('lists rpm packages with epoch, release, vendor and licence', async () => {
    const json = JSON.parse((await run(['packages', '--json', rpmImage])).out) as PackagesJson;
    expect(json.managers).toEqual(['rpm']);
    expect(
      json.packages.map((p) => [p.name, p.version, p.epoch, p.release, p.license, p.vendor, p.purl]),
    ).toEqual([
      ['greet', '1:2.1-3', 1, '3', 'MIT', 'Strata Fixtures', 'pkg:rpm/greet@2.1-3?arch=x86_64&epoch=1'],
      [
        'zlib1g',
        '1.2.13.dfsg-1',
        null,
        '1',
        'see /usr/share/doc/zlib1g/copyright',
        '',
        'pkg:rpm/zlib1g@1.2.13.dfsg-1?arch=x86_64',
      ],
    ]);
  });

  it('prints an empty list and a note for an image without a package database (exit 0)', async () => {
    const { code, out, err } = await run(['packages', '--json', NO_DB]);
    expect(code).toBe(0);
    expect(err).toBe(
      'note: the image has no package database at layer 5 (strata looks in /var/lib/dpkg, /var/lib/rpm, /usr/lib/sysimage/rpm, /usr/share/rpm, /lib/apk/db, /usr/lib/apk/db).\n',
    );
    const json = JSON.parse(out) as PackagesJson;
    expect([json.managers, json.packages, json.layers.length]).toEqual([[], [], 6]);
  });

  it('warns once, at the layer that read it, about a database that cannot be read', async () => {
    const image = join(work, 'bad-rpmdb.tar');
    const bad = new Uint8Array(4096).fill(0x55);
    bad.set(new TextEncoder().encode('SQLite format 3\0'));
    writeDockerArchive(image, 'localhost/bad-rpmdb:1', [
      {
        createdBy: 'COPY rpmdb',
        entries: withParents([{ path: '/var/lib/rpm/rpmdb.sqlite', kind: 'file', content: bad }]),
      },
      {
        createdBy: 'COPY motd',
        entries: [
          { path: '/etc', kind: 'dir' },
          { path: '/etc/motd', kind: 'file', content: 'hi' },
        ],
      },
    ]);
    const message =
      'layer 0: /var/lib/rpm/rpmdb.sqlite: The SQLite file has no readable rpm Packages table (file is not a database).';
    const { code, out, err } = await run(['packages', '--json', image]);
    expect({ code, err }).toEqual({ code: 0, err: `warning: ${message}\n` });
    expect((JSON.parse(out) as PackagesJson).warnings).toEqual([message]);
    expect(await run(['owner', image, '/etc/motd'])).toEqual({
      code: 1,
      out: '',
      err: `strata owner: The package database at layer 1 cannot be read: ${message.slice('layer 0: '.length)}\n`,
    });
  });

  it.each([
    [['--format', 'spdx'], '--format spdx is not known: use text, json or cyclonedx.'],
    [['--json', '--format', 'cyclonedx'], '--json and --format cyclonedx ask for two outputs; give one.'],
  ])('rejects %j as bad usage (exit 2)', async (flags, message) => {
    const r = await run(['packages', ...flags, rpmImage]);
    expect(r).toEqual({ code: 2, out: '', err: `strata packages: ${message}\n` });
  });
});

describe.skipIf(!RPM_CORPUS)(
  'strata packages against rpm -qa on the CBL-Mariner 2.0 database (corpus)',
  () => {
    it('lists what rpm -qa lists, and the SBOM has one component with a unique purl for each', async () => {
      const dbDir = join(work, 'mariner-db/var/lib/rpm');
      mkdirSync(dbDir, { recursive: true });
      copyFileSync(MARINER, join(dbDir, 'rpmdb.sqlite'));
      const qf = '%{NAME}\\t%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{LICENSE}\\n';
      const oracle = execFileSync(
        'rpm',
        ['--root', join(work, 'mariner-db'), '--dbpath', '/var/lib/rpm', '-qa', '--qf', qf],
        {
          encoding: 'utf8',
        },
      )
        .trimEnd()
        .split('\n')
        .sort();
      const image = join(work, 'mariner-db.tar');
      writeDockerArchive(image, 'localhost/mariner-db:2.0', [
        {
          createdBy: 'COPY rpmdb.sqlite /var/lib/rpm/',
          entries: withParents([
            { path: '/var/lib/rpm/rpmdb.sqlite', kind: 'file', content: readFileSync(MARINER) },
          ]),
        },
      ]);
      const json = JSON.parse((await run(['packages', '--json', image])).out) as PackagesJson;
      expect(json.packages.map((p) => [p.name, p.version, p.arch, p.license].join('\t')).sort()).toEqual(
        oracle,
      );
      expect(oracle.length).toBe(129);
      const bom = JSON.parse((await run(['packages', '--format', 'cyclonedx', image])).out) as {
        components: { 'bom-ref': string; purl: string }[];
      };
      expect(bom.components).toHaveLength(129);
      expect(new Set(bom.components.map((c) => c.purl)).size).toBe(129);
      expect(bom.components.map((c) => c['bom-ref'])).toEqual(bom.components.map((c) => c.purl));
    });
  },
);
