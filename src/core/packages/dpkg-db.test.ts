import { describe, expect, it } from 'vitest';
import { parseStanzas } from './deb822';
import { parseDiversions } from './dpkg-db';
import { type MemoryEntry, createMemoryImageFs } from '../testing/memory-image-fs';
import { formatDpkgS } from './owner-format';
import { buildOwnerIndex } from './owner-index';
import { dumpPackageDb } from './package-dump';
import { detectPackageDbs, readPackageDbs } from './package-dbs';

const STATUS = `Package: libpq-dev
Status: install ok installed
Architecture: amd64
Multi-Arch: same
Source: postgresql-15 (15.5-0+deb12u1)
Version: 15.5-0+deb12u1
Installed-Size: 10

Package: postgresql-common
Status: install ok installed
Architecture: all
Version: 1:248
Installed-Size: 2
Conffiles:
 /etc/postgresql-common/pg_upgradecluster.d/analyze_stages 0b6b2b8b33b8b0c0b8b0c0b8b0c0b8b0
 /etc/postgresql-common/createcluster.conf 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d

Package: old-tool
Status: deinstall ok config-files
Architecture: amd64
Version: 1.0

Package: no-list
Status: install ok installed
Architecture: amd64
Version: 2.0
`;

function debianFs(extra: MemoryEntry[] = []) {
  return createMemoryImageFs([
    { path: '/usr/bin/pg_config', kind: 'file', content: '#!/bin/sh' },
    { path: '/usr/bin/pg_config.libpq-dev', kind: 'file', content: 'ELF' },
    { path: '/var/lib/dpkg/status', kind: 'file', content: STATUS },
    {
      path: '/var/lib/dpkg/info/libpq-dev:amd64.list',
      kind: 'file',
      content: '/.\n/usr\n/usr/bin\n/usr/bin/pg_config\n',
    },
    {
      path: '/var/lib/dpkg/info/postgresql-common.list',
      kind: 'file',
      content: '/.\n/usr/bin/pg_config\n/etc/postgresql-common/createcluster.conf\n',
    },
    {
      path: '/var/lib/dpkg/info/old-tool.list',
      kind: 'file',
      content: '/etc/old-tool.conf\n',
    },
    {
      path: '/var/lib/dpkg/diversions',
      kind: 'file',
      content:
        '/usr/bin/pg_config\n/usr/bin/pg_config.libpq-dev\npostgresql-common\n/etc/motd\n/etc/motd.orig\n:\n',
    },
    ...extra,
  ]);
}

describe('dpkg status, lists and diversions', () => {
  it('reads installed packages only, pkg:arch.list first, conffiles as config (golden)', async () => {
    const fs = debianFs();
    const { dbs, errors } = await readPackageDbs(fs, { sqlite: {} });
    expect(errors).toEqual([]);
    expect(dumpPackageDb(dbs[0]!)).toBe(
      [
        'dpkg-status /var/lib/dpkg/status packages=3',
        'warning: dpkg lists no files for no-list.',
        'diversion /usr/bin/pg_config -> /usr/bin/pg_config.libpq-dev by postgresql-common',
        'diversion /etc/motd -> /etc/motd.orig by (local)',
        'libpq-dev 15.5-0+deb12u1 amd64 source=postgresql-15 size=10240 files=3 multi-arch=same',
        '  /usr',
        '  /usr/bin',
        '  /usr/bin/pg_config',
        'no-list 2.0 amd64 source=no-list size=0 files=0',
        'postgresql-common 1:248 all source=postgresql-common size=2048 files=2',
        '  /usr/bin/pg_config',
        '  /etc/postgresql-common/createcluster.conf config',
        '',
      ].join('\n'),
    );
  });

  it('gives the diverted-to file to the other package and the original to the diverter, as dpkg -S names both', async () => {
    const fs = debianFs();
    const { dbs } = await readPackageDbs(fs, { sqlite: {} });
    const index = await buildOwnerIndex(fs, dbs);
    expect((await index.ownerOf('/usr/bin/pg_config')).owners.map((o) => o.name)).toEqual([
      'postgresql-common',
    ]);
    expect((await index.ownerOf('/usr/bin/pg_config.libpq-dev')).owners.map((o) => o.name)).toEqual([
      'libpq-dev',
    ]);
    expect(formatDpkgS('/usr/bin/pg_config', index.listedAt('/usr/bin/pg_config'), index.diversions)).toBe(
      [
        'diversion by postgresql-common from: /usr/bin/pg_config',
        'diversion by postgresql-common to: /usr/bin/pg_config.libpq-dev',
        'libpq-dev:amd64, postgresql-common: /usr/bin/pg_config',
      ].join('\n'),
    );
    expect(formatDpkgS('/etc/motd.orig', [], index.diversions)).toBe(
      'local diversion from: /etc/motd\nlocal diversion to: /etc/motd.orig',
    );
  });

  it('reads distroless status.d stanzas without Status, with files from md5sums', async () => {
    const fs = createMemoryImageFs([
      {
        path: '/var/lib/dpkg/status.d/libssl3',
        kind: 'file',
        content: 'Package: libssl3\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\nSource: openssl\n',
      },
      {
        path: '/var/lib/dpkg/status.d/libssl3.md5sums',
        kind: 'file',
        content: 'aa11  usr/lib/x86_64-linux-gnu/libssl.so.3\nbb22  usr/share/doc/libssl3/copyright\n',
      },
      { path: '/usr/lib/x86_64-linux-gnu/libssl.so.3', kind: 'file', content: 'ELF' },
    ]);
    expect(await detectPackageDbs(fs)).toEqual([{ path: '/var/lib/dpkg/status.d', format: 'dpkg-status.d' }]);
    const { dbs } = await readPackageDbs(fs, { sqlite: {} });
    const index = await buildOwnerIndex(fs, dbs);
    expect((await index.ownerOf('/usr/lib/x86_64-linux-gnu/libssl.so.3')).package).toEqual({
      name: 'libssl3',
      version: '3.0.11-1~deb12u2',
      arch: 'amd64',
      manager: 'dpkg',
    });
  });

  it('does not take a status file that is not a control file', async () => {
    const fs = createMemoryImageFs([{ path: '/var/lib/dpkg/status', kind: 'file', content: '\0\0binary' }]);
    expect(await detectPackageDbs(fs)).toEqual([]);
  });

  it('parses continuation lines, comments and case-insensitive field names', () => {
    const [stanza] = parseStanzas('# comment\npackage: a\nDescription: one\n two\n .\n');
    expect(Object.fromEntries(stanza!)).toEqual({ package: 'a', description: 'one\ntwo\n.' });
    expect(parseDiversions('/a\n/b\n:\n/c\n')).toEqual([{ from: '/a', to: '/b', by: undefined }]);
  });
});
