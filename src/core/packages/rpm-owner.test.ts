import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryImageFs, parseTreeManifest } from '../testing/memory-image-fs';
import { formatRpmQf } from './owner-format';
import { buildOwnerIndex } from './owner-index';
import { detectPackageDbs, readPackageDbs } from './package-dbs';

const RPM = join(import.meta.dirname, '../../../fixtures/packages/rpm');
const CORPUS = join(import.meta.dirname, '../../../../shared/corpus/rpmdb');
const require = createRequire(import.meta.url);
const sqlite = { wasmBinary: readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')) };

/** The root rpm installed into, with its database where the image keeps it, behind /var/lib/rpm. */
function rpmRoot(dbFile: string, dbName: string, dbDir = '/var/lib/rpm') {
  return createMemoryImageFs([
    ...parseTreeManifest(readFileSync(join(RPM, 'tree.txt'), 'utf8')),
    { path: `${dbDir}/${dbName}`, kind: 'file', content: readFileSync(join(RPM, dbFile)) },
    // rpm index files share the directory and the Berkeley DB magic; they are not the package list.
    { path: `${dbDir}/Name`, kind: 'file', content: new Uint8Array(64) },
  ]);
}

function oracle(): [string, string][] {
  return readFileSync(join(RPM, 'oracle-qf.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t') as [string, string]);
}

describe('rpm -qf over the installed root', () => {
  it.each([
    ['rpmdb.sqlite', 'rpmdb.sqlite', 'rpm-sqlite'],
    ['Packages-le-4k.bdb', 'Packages', 'rpm-bdb'],
    ['Packages-be-4k.bdb', 'Packages', 'rpm-bdb'],
  ] as const)('%s: prints what rpm -qf printed for every sampled path', async (file, name, format) => {
    const fs = rpmRoot(file, name);
    expect(await detectPackageDbs(fs)).toEqual([{ path: `/var/lib/rpm/${name}`, format }]);
    const { dbs, errors } = await readPackageDbs(fs, { sqlite });
    expect(errors).toEqual([]);
    const index = await buildOwnerIndex(fs, dbs);
    for (const [path, expected] of oracle()) {
      const result = await index.ownerOf(path);
      const exists = (await fs.lstat(path)) !== undefined;
      expect(formatRpmQf(path, index.ownersAt(result.canonicalPath), exists), path).toBe(expected);
    }
  });

  it('owns the %ghost file, not the doc file --excludedocs left out, and keeps the CLI keys', async () => {
    const fs = rpmRoot('rpmdb.sqlite', 'rpmdb.sqlite', '/usr/lib/sysimage/rpm');
    const { dbs } = await readPackageDbs(fs, { sqlite });
    const index = await buildOwnerIndex(fs, dbs);
    expect(await index.ownerOf('/var/log/greet/greet.log')).toEqual({
      path: '/var/log/greet/greet.log',
      canonicalPath: '/var/log/greet/greet.log',
      package: { name: 'greet', version: '1:2.1-3', arch: 'x86_64', manager: 'rpm' },
      owners: [{ name: 'greet', version: '1:2.1-3', arch: 'x86_64', manager: 'rpm' }],
      match: 'path',
      targetPath: null,
    });
    expect((await index.ownerOf('/usr/share/doc/greet/README')).package).toBeNull();
    // An absent EPOCH is no epoch, not "0:".
    expect((await index.ownerOf('/lib/x86_64-linux-gnu/libz.so.1')).package?.version).toBe('1.2.13.dfsg-1');
  });

  it('finds the database by its magic whatever the backend wrote, and finds nothing in an empty image', async () => {
    // An ndb-era name holding an sqlite file: the content decides.
    const fs = rpmRoot('rpmdb.sqlite', 'Packages.db');
    expect(await detectPackageDbs(fs)).toEqual([{ path: '/var/lib/rpm/Packages.db', format: 'rpm-sqlite' }]);
    expect(await detectPackageDbs(createMemoryImageFs([]))).toEqual([]);
  });

  it('reports a damaged database as a sentence, not an exception', async () => {
    const bytes = new Uint8Array(readFileSync(join(RPM, 'Packages-le-4k.bdb')));
    bytes.fill(0xff, 4096 * 3, 4096 * 3 + 26);
    const fs = createMemoryImageFs([{ path: '/var/lib/rpm/Packages', kind: 'file', content: bytes }]);
    const { dbs, errors } = await readPackageDbs(fs, { sqlite });
    expect(dbs).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      '/var/lib/rpm/Packages: The Berkeley DB overflow chain from page 3 is broken at page 3.',
    ]);
  });
});

describe('rpm databases read from the image', () => {
  it('reads the -wal beside rpmdb.sqlite', async () => {
    const fs = createMemoryImageFs([
      { path: '/var/lib/rpm', kind: 'symlink', linkTarget: '../../usr/lib/sysimage/rpm' },
      {
        path: '/usr/lib/sysimage/rpm/rpmdb.sqlite',
        kind: 'file',
        content: readFileSync(join(RPM, 'wal-base.sqlite')),
      },
      {
        path: '/usr/lib/sysimage/rpm/rpmdb.sqlite-wal',
        kind: 'file',
        content: readFileSync(join(RPM, 'wal-base.sqlite-wal')),
      },
    ]);
    const { dbs } = await readPackageDbs(fs, { sqlite });
    expect(dbs.map((db) => [db.location, db.packages.map((p) => p.name)])).toEqual([
      ['/usr/lib/sysimage/rpm/rpmdb.sqlite', ['zlib1g']],
    ]);
  });
});

describe.skipIf(!existsSync(CORPUS))('owners from third-party rpm databases (shared/corpus/rpmdb)', () => {
  it.each([
    ['el8-libuuid.Packages.bdb', 'Packages', '/usr/lib64/libuuid.so.1', 'libuuid-2.32.1-42.el8_8.x86_64'],
    ['sle15-bci.Packages.ndb', 'Packages.db', '/usr/bin/bash', 'bash-4.4-19.6.1.x86_64'],
    ['cbl-mariner-2.0.rpmdb.sqlite', 'rpmdb.sqlite', '/bin/bash', 'bash-5.1.8-1.cm2.x86_64'],
  ])('%s: rpm -qf %s', async (file, name, path, expected) => {
    const fs = createMemoryImageFs([
      { path: `/var/lib/rpm/${name}`, kind: 'file', content: readFileSync(join(CORPUS, file)) },
    ]);
    const { dbs, errors } = await readPackageDbs(fs, { sqlite });
    expect(errors).toEqual([]);
    const index = await buildOwnerIndex(fs, dbs);
    const result = await index.ownerOf(path);
    expect(formatRpmQf(path, index.ownersAt(result.canonicalPath), false)).toBe(expected);
  });
});
