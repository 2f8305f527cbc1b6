/**
 * The CycloneDX SBOM against golden JSON: packages read from the committed fixtures (the rpm
 * sqlite database of greet and zlib1g, the Alpine installed file) and a dpkg status with an epoch,
 * Multi-Arch and "+"/"~" in versions. UPDATE_GOLDEN=1 rewrites the golden files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { describe, expect, it } from 'vitest';
import { parseApkInstalled } from './apk-db';
import { licenseChoice, parseOsRelease, purlOf, toCycloneDx, uuidFromImageId } from './cyclonedx';
import { createMemoryImageFs } from '../testing/memory-image-fs';
import { readPackageDbs } from './package-dbs';
import type { InstalledPackage } from './package-types';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/packages');
const GOLDEN = join(import.meta.dirname, '__golden__');
const require = createRequire(import.meta.url);
const sqlite = { wasmBinary: readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')) };
const IMAGE = {
  id: 'sha256:85ea39e490bff040379b74240d3f04a9ef7bb40cfad213aca8a524a725156bb5',
  names: ['localhost/strata-sample:1', 'docker.io/library/sample:latest'],
};

function expectGolden(name: string, value: unknown): void {
  const text = JSON.stringify(value, null, 2) + '\n';
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const STATUS = `Package: busybox
Status: install ok installed
Architecture: amd64
Version: 1:1.35.0-4+deb12u1+b1
Installed-Size: 2011

Package: libssl3
Status: install ok installed
Architecture: amd64
Multi-Arch: same
Source: openssl
Version: 3.0.20-1~deb12u2
Installed-Size: 6203
`;

async function dpkgPackages(): Promise<readonly InstalledPackage[]> {
  const fs = createMemoryImageFs([
    { path: '/var/lib/dpkg/status', kind: 'file', content: STATUS },
    { path: '/var/lib/dpkg/info/busybox.list', kind: 'file', content: '/.\n/bin/busybox\n' },
    {
      path: '/var/lib/dpkg/info/libssl3:amd64.list',
      kind: 'file',
      content: '/usr/lib/x86_64-linux-gnu/libssl.so.3\n',
    },
  ]);
  const { dbs } = await readPackageDbs(fs);
  return dbs[0]!.packages;
}

async function rpmPackages(): Promise<readonly InstalledPackage[]> {
  const fs = createMemoryImageFs([
    {
      path: '/var/lib/rpm/rpmdb.sqlite',
      kind: 'file',
      content: readFileSync(join(FIXTURES, 'rpm/rpmdb.sqlite')),
    },
  ]);
  const { dbs } = await readPackageDbs(fs, { sqlite });
  return dbs[0]!.packages;
}

describe('toCycloneDx', () => {
  it('writes the Debian packages with the image as metadata.component (golden)', async () => {
    const bom = toCycloneDx(await dpkgPackages(), IMAGE, {
      timestamp: '2026-01-02T03:04:05.000Z',
      distro: { id: 'debian', versionId: '12' },
      tool: { name: 'strata', version: '0.1.0' },
    });
    expectGolden('cyclonedx-dpkg.json', bom);
    expect(bom.serialNumber).toBe('urn:uuid:85ea39e4-90bf-8040-b79b-74240d3f04a9');
  });

  it('writes rpm packages with epoch qualifiers, vendors and licences (golden)', async () => {
    const bom = toCycloneDx(
      await rpmPackages(),
      { id: 'not-a-digest', names: [] },
      {
        serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000000',
        distro: { id: 'rhel', versionId: '9.4' },
      },
    );
    expectGolden('cyclonedx-rpm.json', bom);
  });

  it('writes the Alpine packages without a distro (default namespace alpine) (golden)', () => {
    const db = parseApkInstalled(readFileSync(join(FIXTURES, 'apk/installed'), 'utf8'));
    expectGolden('cyclonedx-apk.json', toCycloneDx(db.packages, IMAGE));
  });
});

describe('the CycloneDX output', () => {
  // The official 1.5 JSON schema (strict: no unknown properties), as @cyclonedx/cyclonedx-library ships it.
  const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot5);

  it('is valid under the official CycloneDX 1.5 JSON schema, for dpkg, rpm and apk', async () => {
    const boms = [
      toCycloneDx(await dpkgPackages(), IMAGE, { distro: { id: 'debian', versionId: '12' } }),
      toCycloneDx(
        await rpmPackages(),
        { id: 'not-a-digest', names: [] },
        { distro: { id: 'rhel', versionId: '9.4' } },
      ),
      toCycloneDx(parseApkInstalled(readFileSync(join(FIXTURES, 'apk/installed'), 'utf8')).packages, IMAGE),
    ];
    for (const bom of boms) expect(await validator.validate(JSON.stringify(bom))).toBeNull();
  });

  it('is checked: the schema rejects a component type it does not know', async () => {
    const bom = toCycloneDx(await dpkgPackages(), IMAGE);
    const broken = { ...bom, components: bom.components.map((c) => ({ ...c, type: 'package' })) };
    expect(await validator.validate(JSON.stringify(broken))).not.toBeNull();
  });
});

describe('purlOf and friends', () => {
  it('keeps epochs and "+" in deb versions as they are, puts rpm epochs in a qualifier, sorts qualifiers', async () => {
    const [busybox, libssl3] = await dpkgPackages();
    expect(purlOf(busybox!)).toBe('pkg:deb/debian/busybox@1:1.35.0-4+deb12u1+b1?arch=amd64');
    expect(purlOf(libssl3!, { id: 'ubuntu', versionId: '22.04' })).toBe(
      'pkg:deb/ubuntu/libssl3@3.0.20-1~deb12u2?arch=amd64&distro=ubuntu-22.04',
    );
    const greet = (await rpmPackages()).find((p) => p.name === 'greet');
    expect(purlOf(greet!)).toBe('pkg:rpm/greet@2.1-3?arch=x86_64&epoch=1');
  });

  it('reads ID and VERSION_ID from os-release, quoted or not', () => {
    expect(
      parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n'),
    ).toEqual({
      id: 'debian',
      versionId: '12',
    });
    expect(parseOsRelease("ID='opensuse-tumbleweed'\n")).toEqual({
      id: 'opensuse-tumbleweed',
      versionId: '',
    });
    expect(parseOsRelease('NAME=x\n')).toBeUndefined();
  });

  it('tells SPDX ids and expressions from free text', () => {
    expect(licenseChoice('MIT')).toEqual([{ license: { id: 'MIT' } }]);
    expect(licenseChoice('GPL-2.0-or-later WITH Linux-syscall-note')).toEqual([
      { expression: 'GPL-2.0-or-later WITH Linux-syscall-note' },
    ]);
    expect(licenseChoice('(MIT OR Apache-2.0) AND BSD-3-Clause')).toEqual([
      { expression: '(MIT OR Apache-2.0) AND BSD-3-Clause' },
    ]);
    expect(licenseChoice('GPLv2+ and LGPLv2+')).toEqual([{ license: { name: 'GPLv2+ and LGPLv2+' } }]);
    expect(licenseChoice('  ')).toEqual([]);
  });

  it('makes a version-8 UUID from a digest and a stable one from any other id', () => {
    expect(uuidFromImageId('sha256:' + 'f'.repeat(64))).toBe('ffffffff-ffff-8fff-bfff-ffffffffffff');
    expect(uuidFromImageId('abc')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(uuidFromImageId('abc')).toBe(uuidFromImageId('abc'));
  });
});
