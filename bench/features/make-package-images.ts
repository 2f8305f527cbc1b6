/**
 * Images whose one layer holds a package database and every file it lists: 1,000 dpkg packages
 * (status + info/*.list) over 100,000 files, and 500 rpm packages over 100,000 files as an sqlite
 * rpmdb and as a Berkeley DB `Packages` (db5.3_load). The rpm headers come from the fixtures'
 * header writer; the sqlite schema starts from what `rpm --initdb` makes, so rpm itself reads it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { syntheticPackageHeader } from '../../fixtures/packages/rpm-header-writer';
import { OUT, writePlainImage } from './docker-image';
import { TarWriter } from './tar-writer';

export interface PackageImage {
  readonly label: string;
  readonly archive: string;
  /** The database folder as stored in the image, extracted for the native tools. */
  readonly dbDir: string;
  readonly packages: number;
  readonly files: readonly string[];
}

function parents(tar: TarWriter, made: Set<string>, path: string): void {
  const parts = path.split('/').slice(1, -1);
  for (let i = 1; i <= parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    if (!made.has(dir)) {
      made.add(dir);
      tar.dir(dir);
    }
  }
}

function image(
  label: string,
  db: Map<string, Uint8Array | string>,
  files: string[],
  dbDir: string,
  packages: number,
): PackageImage {
  const work = join(OUT, `features-packages-${label}`);
  mkdirSync(work, { recursive: true });
  const tar = new TarWriter(join(work, 'layer.tar'));
  const made = new Set<string>();
  for (const [path, content] of db) {
    parents(tar, made, path);
    tar.file(path.slice(1), content);
    mkdirSync(join(work, 'db', path, '..'), { recursive: true });
    writeFileSync(join(work, 'db', path), content);
  }
  for (const path of files) {
    parents(tar, made, path);
    tar.file(path.slice(1), '');
  }
  const diffId = tar.close();
  const archive = join(OUT, `features-packages-${label}.tar`);
  writePlainImage(
    [{ file: tar.path, diffId, size: tar.size, entries: tar.entries, createdBy: `ADD ${label}` }],
    `features-packages-${label}`,
    archive,
  );
  return { label, archive, dbDir: resolve(work, 'db', dbDir.slice(1)), packages, files };
}

export function makeDpkgImage(packages = 1000, filesPer = 100): PackageImage {
  const db = new Map<string, string>();
  const files: string[] = [];
  const stanzas: string[] = [];
  for (let p = 0; p < packages; p++) {
    const name = `pkg${p}`;
    const list = ['/.', '/usr', '/usr/lib', `/usr/lib/${name}`];
    for (let d = 0; d < 10; d++) list.push(`/usr/lib/${name}/d${d}`);
    for (let f = 0; f < filesPer; f++) {
      const path = `/usr/lib/${name}/d${f % 10}/file${f}.so`;
      files.push(path);
      list.push(path);
    }
    stanzas.push(
      `Package: ${name}\nStatus: install ok installed\nPriority: optional\nSection: libs\nMaintainer: Bench <bench@example.org>\nArchitecture: amd64\nVersion: 1.${p}-1\nDescription: synthetic package ${p}\n`,
    );
    db.set(`/var/lib/dpkg/info/${name}.list`, `${list.join('\n')}\n`);
  }
  db.set('/var/lib/dpkg/status', stanzas.join('\n'));
  return image('dpkg', db, files, '/var/lib/dpkg', packages);
}

function rpmPackages(packages: number, filesPer: number): { blobs: Uint8Array[]; files: string[] } {
  const blobs: Uint8Array[] = [];
  const files: string[] = [];
  for (let p = 0; p < packages; p++) {
    const own = Array.from({ length: filesPer }, (_, f) => `/usr/share/pkg${p}/sub${f % 20}/file-${f}.dat`);
    files.push(...own);
    blobs.push(syntheticPackageHeader(`pkg${p}`, own));
  }
  return { blobs, files };
}

export async function makeRpmSqliteImage(packages = 500, filesPer = 200): Promise<PackageImage> {
  const { blobs, files } = rpmPackages(packages, filesPer);
  const scratch = mkdtempSync(join(tmpdir(), 'strata-rpmdb-'));
  try {
    execFileSync('rpm', ['--dbpath', scratch, '--define', '_db_backend sqlite', '--initdb'], {
      stdio: 'pipe',
    });
    const wasm = readFileSync(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'));
    const SQL = await initSqlJs({ wasmBinary: new Uint8Array(wasm).buffer });
    const made = new SQL.Database(readFileSync(join(scratch, 'rpmdb.sqlite')));
    for (const blob of blobs) made.run('INSERT INTO Packages (blob) VALUES (?)', [blob]);
    const bytes = made.export();
    made.close();
    return image(
      'rpm-sqlite',
      new Map([['/var/lib/rpm/rpmdb.sqlite', bytes]]),
      files,
      '/var/lib/rpm',
      packages,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A hash database in db_dump's bytevalue format, loaded by db5.3_load: key = header number (host order). */
export function makeRpmBdbImage(packages = 500, filesPer = 200): PackageImage {
  const { blobs, files } = rpmPackages(packages, filesPer);
  const scratch = mkdtempSync(join(tmpdir(), 'strata-rpmbdb-'));
  try {
    const u32 = (n: number): string => Buffer.from(new Uint32Array([n]).buffer).toString('hex');
    const lines = ['VERSION=3', 'format=bytevalue', 'type=hash', 'db_pagesize=4096', 'HEADER=END'];
    lines.push(` ${u32(0)}`, ` ${u32(blobs.length)}`);
    blobs.forEach((blob, i) => lines.push(` ${u32(i + 1)}`, ` ${Buffer.from(blob).toString('hex')}`));
    lines.push('DATA=END');
    writeFileSync(join(scratch, 'dump'), `${lines.join('\n')}\n`);
    execFileSync('db5.3_load', ['-f', join(scratch, 'dump'), join(scratch, 'Packages')]);
    const bytes = new Uint8Array(readFileSync(join(scratch, 'Packages')));
    return image('rpm-bdb', new Map([['/var/lib/rpm/Packages', bytes]]), files, '/var/lib/rpm', packages);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
