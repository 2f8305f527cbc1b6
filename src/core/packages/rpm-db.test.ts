import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpPackageDb } from './package-dump';
import type { PackageDb } from './package-types';
import { fullVersion } from './package-types';
import { detectRpmFormat, readRpmDbBytes } from './rpm-db';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/packages');
const RPM = join(FIXTURES, 'rpm');
const CORPUS = join(import.meta.dirname, '../../../../shared/corpus/rpmdb');
const require = createRequire(import.meta.url);
const sqlite = { wasmBinary: readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')) };

async function readFixture(path: string, wal?: string): Promise<PackageDb> {
  const bytes = new Uint8Array(readFileSync(path));
  const format = detectRpmFormat(bytes);
  if (format === undefined) throw new Error(`${path}: no rpm database magic`);
  const db = await readRpmDbBytes(bytes, format, wal === undefined ? undefined : readFileSync(wal), sqlite);
  if (db instanceof Error) throw db;
  return db;
}

/** `rpm -qa --qf '%{NAME} %{EPOCH} %{VERSION} %{RELEASE} %{ARCH} %{SOURCERPM} %{LICENSE} %{SIZE}'`. */
function qaLines(db: PackageDb): string {
  return `${db.packages
    .map((p) =>
      [
        p.name,
        p.epoch ?? '(none)',
        p.version,
        p.release,
        p.arch,
        p.sourcePackage,
        p.license,
        p.installedSize,
      ].join(' '),
    )
    .sort()
    .join('\n')}\n`;
}

describe('rpm databases made by rpm 4.18 and db5.3_load', () => {
  const oracleQa = readFileSync(join(RPM, 'oracle-qa.txt'), 'utf8');

  it('reads the sqlite rpmdb as rpm -qa does, with its files golden', async () => {
    const db = await readFixture(join(RPM, 'rpmdb.sqlite'));
    expect(db.format).toBe('rpm-sqlite');
    expect(qaLines(db)).toBe(oracleQa);
    await expect(dumpPackageDb(db)).toMatchFileSnapshot(join(FIXTURES, 'golden/rpmdb-sqlite.txt'));
  });

  it('agrees with rpm on every file flag and state', async () => {
    const db = await readFixture(join(RPM, 'rpmdb.sqlite'));
    // oracle: "NEVRA PATH FLAGS STATE COLOR" from --qf '[%{FILENAMES} %{FILEFLAGS:fflags} %{FILESTATES:fstate}]'
    const lines = readFileSync(join(RPM, 'oracle-files.txt'), 'utf8').trim().split('\n');
    const ours = new Map<string, string>();
    for (const pkg of db.packages) {
      for (const file of pkg.files) {
        const flags = [
          [1, 'c'],
          [2, 'd'],
          [64, 'g'],
          [8, 'm'],
          [16, 'n'],
        ] as const;
        ours.set(
          file.path,
          flags
            .filter(([bit]) => (file.flags & bit) !== 0)
            .map(([, c]) => c)
            .join(''),
        );
        ours.set(`${file.path} installed`, String(file.installed));
      }
    }
    for (const line of lines) {
      const match = /^\S+ (\S+) (\S*) (normal|not installed|replaced|wrong color|net shared) \d+$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, path, flags, state] = match!;
      // fflags prints c before n; sort both so order of letters does not matter.
      expect(sortLetters(ours.get(path!) ?? '?'), path).toBe(sortLetters(flags!));
      expect(ours.get(`${path!} installed`), path).toBe(String(state === 'normal' || state === 'net shared'));
    }
  });

  it.each(['le-4k', 'be-4k', 'le-64k'])(
    'reads the Berkeley DB hash Packages (%s) like the sqlite one',
    async (v) => {
      const bdb = await readFixture(join(RPM, `Packages-${v}.bdb`));
      expect(bdb.format).toBe('rpm-bdb');
      expect(qaLines(bdb)).toBe(oracleQa);
      const fromSqlite = await readFixture(join(RPM, 'rpmdb.sqlite'));
      expect(dumpPackageDb({ ...bdb, format: 'rpm-sqlite' })).toBe(dumpPackageDb(fromSqlite));
    },
  );

  it('applies the committed frames of a WAL written by sqlite3', async () => {
    const expected = readFileSync(join(RPM, 'wal-oracle.txt'), 'utf8').trim().split('\n');
    const withWal = await readFixture(join(RPM, 'wal-base.sqlite'), join(RPM, 'wal-base.sqlite-wal'));
    expect(withWal.packages.map((p) => p.name).sort()).toEqual(expected);
    // Without the log the deleted package is still in the main file: the WAL made the difference.
    const withoutWal = await readFixture(join(RPM, 'wal-base.sqlite'));
    expect(withoutWal.packages.length).toBe(expected.length + 1);
  });
});

describe.skipIf(!existsSync(CORPUS))('third-party rpm databases (shared/corpus/rpmdb)', () => {
  it('EL8 Berkeley DB: libuuid-2.32.1-42.el8_8', async () => {
    const db = await readFixture(join(CORPUS, 'el8-libuuid.Packages.bdb'));
    expect(db.format).toBe('rpm-bdb');
    expect(db.packages.map((p) => `${p.name}-${fullVersion(p)}.${p.arch}`)).toEqual([
      'libuuid-2.32.1-42.el8_8.x86_64',
    ]);
    await expect(dumpPackageDb(db)).toMatchFileSnapshot(join(FIXTURES, 'golden/corpus-el8-libuuid.txt'));
  });

  it('SLE 15 BCI ndb: 35 packages', async () => {
    const db = await readFixture(join(CORPUS, 'sle15-bci.Packages.ndb'));
    expect(db.format).toBe('rpm-ndb');
    expect(db.packages).toHaveLength(35);
    expect(db.warnings).toEqual([]);
    await expect(dumpPackageDb(db, { files: false })).toMatchFileSnapshot(
      join(FIXTURES, 'golden/corpus-sle15.txt'),
    );
  });

  it('CBL-Mariner 2.0 sqlite: as many packages as sqlite3 counts', async () => {
    const db = await readFixture(join(CORPUS, 'cbl-mariner-2.0.rpmdb.sqlite'));
    expect(db.format).toBe('rpm-sqlite');
    expect(db.packages).toHaveLength(sqlite3Count(join(CORPUS, 'cbl-mariner-2.0.rpmdb.sqlite')));
    expect(db.warnings).toEqual([]);
    await expect(dumpPackageDb(db, { files: false })).toMatchFileSnapshot(
      join(FIXTURES, 'golden/corpus-mariner.txt'),
    );
  });
});

/** `sqlite3 FILE 'select count(*) from Packages'`; 129 for the Mariner database when sqlite3 is absent. */
function sqlite3Count(file: string): number {
  try {
    return Number(
      execFileSync('sqlite3', ['-readonly', file, 'SELECT count(*) FROM Packages'], { encoding: 'utf8' }),
    );
  } catch {
    return 129;
  }
}

function sortLetters(text: string): string {
  return text.split('').sort().join('');
}
