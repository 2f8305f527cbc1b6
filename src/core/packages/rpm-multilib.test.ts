import { describe, expect, it } from 'vitest';
import { syntheticPackageHeader } from '../../../fixtures/packages/rpm-header-writer';
import { createMemoryImageFs } from '../testing/memory-image-fs';
import { formatRpmQf } from './owner-format';
import { buildOwnerIndex } from './owner-index';
import type { InstalledPackage, PackageDb } from './package-types';
import { readRpmPackage } from './rpm-package';

function pkg(name: string, arch: string, files: string[], states: number[]): InstalledPackage {
  const read = readRpmPackage(
    syntheticPackageHeader(name, files, [
      [1022, { type: 'string', value: arch }],
      [1029, { type: 'char', value: states }],
    ]),
  );
  if (read instanceof Error) throw read;
  return read;
}

function db(packages: InstalledPackage[]): PackageDb {
  return { manager: 'rpm', format: 'rpm-sqlite', location: '', packages, diversions: [], warnings: [] };
}

describe('rpm ownership on multilib and merged-/usr images', () => {
  const fs = createMemoryImageFs([
    { path: '/lib64', kind: 'symlink', linkTarget: 'usr/lib64' },
    { path: '/usr/lib64/libfoo.so.1', kind: 'file', content: 'ELF' },
    { path: '/usr/share/foo/data', kind: 'file', content: 'shared' },
    { path: '/usr/bin/foo', kind: 'file', content: 'ELF' },
  ]);
  const x64 = pkg('foo', 'x86_64', ['/usr/bin/foo', '/usr/share/foo/data'], [0, 0]);
  // The i686 build lost the colour contest for /usr/bin/foo (FILESTATES 4 = wrong colour).
  const i686 = pkg('foo', 'i686', ['/usr/bin/foo', '/usr/share/foo/data'], [4, 0]);
  const lib = pkg('libfoo', 'x86_64', ['/usr/lib64/libfoo.so.1'], [0]);

  it('gives a path both arches share to both, and a wrong-colour file to the winner only', async () => {
    const index = await buildOwnerIndex(fs, db([x64, i686, lib]));
    const qf = async (path: string) =>
      formatRpmQf(path, index.ownersAt((await index.ownerOf(path)).canonicalPath), true);
    expect(await qf('/usr/share/foo/data')).toBe('foo-1.0-1.el9.x86_64\nfoo-1.0-1.el9.i686');
    expect(await qf('/usr/bin/foo')).toBe('foo-1.0-1.el9.x86_64');
  });

  it('finds /usr/lib64 files asked for through the /lib64 symlink, as rpm fingerprints do', async () => {
    const index = await buildOwnerIndex(fs, db([x64, i686, lib]));
    expect(await index.ownerOf('/lib64/libfoo.so.1')).toMatchObject({
      canonicalPath: '/usr/lib64/libfoo.so.1',
      package: { name: 'libfoo', version: '1.0-1.el9', manager: 'rpm' },
    });
  });
});
