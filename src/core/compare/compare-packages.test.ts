/**
 * Packages old against new: version changes split by each manager's own order, names without architecture,
 * and the partial cases said plainly (no database on one side, a different manager).
 */
import { describe, expect, it } from 'vitest';
import type { InstalledPackage, PackageDb, PackageManager } from '../packages/package-types';
import { installedPackage } from '../testing/installed-package';
import { comparePackages } from './compare-packages';

function pkg(manager: PackageManager, name: string, version: string, extra: Partial<InstalledPackage> = {}) {
  const [epoch, rest] = version.includes(':') ? version.split(':') : [undefined, version];
  const dash = manager === 'rpm' ? rest.lastIndexOf('-') : -1;
  return installedPackage(manager, name, {
    epoch: epoch === undefined ? undefined : Number(epoch),
    version: dash < 0 ? rest : rest.slice(0, dash),
    release: dash < 0 ? '' : rest.slice(dash + 1),
    arch: 'x86_64',
    ...extra,
  });
}

function db(manager: PackageManager, packages: InstalledPackage[]): PackageDb {
  const format = manager === 'dpkg' ? 'dpkg-status' : manager === 'rpm' ? 'rpm-sqlite' : 'apk-installed';
  return { manager, format, location: '/db', packages, diversions: [], warnings: [] };
}

describe('comparePackages', () => {
  it('dpkg: added, removed, upgraded and downgraded by deb-version order (epochs and ~ included)', () => {
    const result = comparePackages(
      [
        db('dpkg', [
          pkg('dpkg', 'libssl3', '3.0.11-1~deb12u1'),
          pkg('dpkg', 'tool', '1:2.0-1'),
          pkg('dpkg', 'gone', '1.0'),
          pkg('dpkg', 'same', '1.0'),
        ]),
      ],
      [
        db('dpkg', [
          pkg('dpkg', 'libssl3', '3.0.11-1'),
          pkg('dpkg', 'tool', '5.0-1'),
          pkg('dpkg', 'new', '0.1'),
          pkg('dpkg', 'same', '1.0'),
        ]),
      ],
    );
    expect(result).toEqual({
      manager: 'dpkg',
      added: [{ name: 'new', version: '0.1', manager: 'dpkg' }],
      removed: [{ name: 'gone', version: '1.0', manager: 'dpkg' }],
      upgraded: [{ name: 'libssl3', from: '3.0.11-1~deb12u1', to: '3.0.11-1', manager: 'dpkg' }],
      // The epoch wins: 1:2.0-1 is newer than 5.0-1.
      downgraded: [{ name: 'tool', from: '1:2.0-1', to: '5.0-1', manager: 'dpkg' }],
      note: null,
      noteSentence: null,
    });
  });

  it('dpkg Multi-Arch: same packages are named without their architecture', () => {
    const result = comparePackages(
      [db('dpkg', [pkg('dpkg', 'libc6', '2.36-9', { multiArchSame: true, arch: 'amd64' })])],
      [db('dpkg', [pkg('dpkg', 'libc6', '2.36-9+deb12u4', { multiArchSame: true, arch: 'amd64' })])],
    );
    expect(result.upgraded).toEqual([
      { name: 'libc6', from: '2.36-9', to: '2.36-9+deb12u4', manager: 'dpkg' },
    ]);
  });

  it('rpm: EVR order (release compared, ~ before the release)', () => {
    const result = comparePackages(
      [db('rpm', [pkg('rpm', 'openssl-libs', '1:3.0.7-24.el9'), pkg('rpm', 'bash', '5.1.8-6.el9')])],
      [db('rpm', [pkg('rpm', 'openssl-libs', '1:3.0.7-25.el9'), pkg('rpm', 'bash', '5.1.8~rc1-6.el9')])],
    );
    expect(result.upgraded.map((u) => u.name)).toEqual(['openssl-libs']);
    expect(result.downgraded.map((u) => `${u.name} ${u.from} ${u.to}`)).toEqual([
      'bash 5.1.8-6.el9 5.1.8~rc1-6.el9',
    ]);
  });

  it('apk: its own order (a _rc before the release, -rN revisions)', () => {
    const result = comparePackages(
      [db('apk', [pkg('apk', 'busybox', '1.36.1-r2'), pkg('apk', 'musl', '1.2.4-r0')])],
      [db('apk', [pkg('apk', 'busybox', '1.36.1_rc1-r0'), pkg('apk', 'musl', '1.2.4-r1')])],
    );
    expect(result.upgraded.map((u) => u.name)).toEqual(['musl']);
    expect(result.downgraded.map((u) => u.name)).toEqual(['busybox']);
    expect(result.manager).toBe('apk');
  });

  it('one image without a package database: every package added, said plainly', () => {
    const result = comparePackages([], [db('dpkg', [pkg('dpkg', 'a', '1')])]);
    expect(result.manager).toBe('dpkg');
    expect(result.added).toHaveLength(1);
    expect(result.note).toBe(
      'The old image has no package database (dpkg in the new one): every package is listed as added.',
    );
    expect(comparePackages([db('rpm', [pkg('rpm', 'a', '1-1')])], []).note).toBe(
      'The new image has no package database (rpm in the old one): every package is listed as removed.',
    );
  });

  it('different managers: never an upgrade across them, said plainly', () => {
    const result = comparePackages(
      [db('dpkg', [pkg('dpkg', 'musl', '1.2.3-1')])],
      [db('apk', [pkg('apk', 'musl', '1.2.4-r1')])],
    );
    expect(result.manager).toBe('dpkg → apk');
    expect(result.upgraded).toEqual([]);
    expect(result.removed).toEqual([{ name: 'musl', version: '1.2.3-1', manager: 'dpkg' }]);
    expect(result.added).toEqual([{ name: 'musl', version: '1.2.4-r1', manager: 'apk' }]);
    expect(result.note).toBe(
      'The package manager differs (dpkg in the old image, apk in the new one): packages of one manager are listed as removed and those of the other as added, never as upgrades.',
    );
    // The page says the same note in its own language by the sentence's name.
    expect(result.noteSentence).toEqual({
      name: 'compare-managers-differ',
      params: { old: 'dpkg', new: 'apk' },
    });
  });

  it('neither image has a database', () => {
    expect(comparePackages([], [])).toMatchObject({ manager: null, note: null, added: [], removed: [] });
  });
});
