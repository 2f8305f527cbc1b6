/**
 * Every OS package database of an image: detection at the known locations by content, then reading.
 * An image can hold more than one (an rpm database in a Debian image that has rpm installed), so all
 * found are returned; a database that fails to read becomes an error value beside the others.
 */
import type { ImageFs } from '../model/image-fs';
import { detectApkDb, readApkDb } from './apk-db';
import type { DetectedDpkgDb } from './dpkg-db';
import { detectDpkgDb, readDpkgDb } from './dpkg-db';
import type { PackageDb } from './package-types';
import type { DetectedRpmDb } from './rpm-db';
import { detectRpmDb, readRpmDb } from './rpm-db';
import type { SqliteOptions } from './rpm-sqlite';

export type DetectedPackageDb =
  DetectedRpmDb | DetectedDpkgDb | { readonly path: string; readonly format: 'apk-installed' };

export interface ReadPackageDbsOptions {
  /**
   * Where sql.js finds its wasm; used only when the image has an sqlite rpmdb. Without it sql.js
   * looks beside its own script, which works in Node but rarely in a bundled worker.
   */
  readonly sqlite?: SqliteOptions;
}

export async function detectPackageDbs(fs: ImageFs): Promise<DetectedPackageDb[]> {
  const found = await Promise.all([detectDpkgDb(fs), detectRpmDb(fs), detectApkDb(fs)]);
  return found.filter((db) => db !== undefined);
}

export async function readPackageDb(
  fs: ImageFs,
  found: DetectedPackageDb,
  options: ReadPackageDbsOptions = {},
): Promise<PackageDb | Error> {
  switch (found.format) {
    case 'dpkg-status':
    case 'dpkg-status.d':
      return readDpkgDb(fs, found);
    case 'apk-installed':
      return readApkDb(fs, found.path);
    case 'rpm-sqlite':
    case 'rpm-bdb':
    case 'rpm-ndb':
      return readRpmDb(fs, found, options.sqlite ?? {});
  }
}

export async function readPackageDbs(
  fs: ImageFs,
  options: ReadPackageDbsOptions = {},
): Promise<{ readonly dbs: PackageDb[]; readonly errors: Error[] }> {
  const dbs: PackageDb[] = [];
  const errors: Error[] = [];
  for (const found of await detectPackageDbs(fs)) {
    const db = await readPackageDb(fs, found, options);
    if (db instanceof Error) errors.push(db);
    else dbs.push(db);
  }
  return { dbs, errors };
}
