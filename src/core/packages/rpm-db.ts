/**
 * The rpm database of an image, whichever backend wrote it. The backend is told by the file's magic
 * (go-rpmdb `Open`): "SQLite format 3\0", else "RpmP" (ndb), else the Berkeley DB hash magic — never
 * by the name alone, since the names overlap across rpm versions and distributions.
 */
import type { ImageFs } from '../model/image-fs';
import { isBerkeleyHash, readBerkeleyHash } from './berkeley-db-hash';
import { readImageFile, readImageFileHead } from './image-file';
import type { InstalledPackage, PackageDb, PackageDbFormat } from './package-types';
import { isNdb, readNdb } from './rpm-ndb';
import { readRpmPackage } from './rpm-package';
import type { SqliteOptions } from './rpm-sqlite';
import { isSqlite, readRpmSqlite } from './rpm-sqlite';
import type { Said } from '../model/said';
import { packageError, saidOfError, warn } from './package-sentences';

/** rpm's dbpath on RHEL/Debian-built rpm, Fedora 36+ and rpm-ostree (syft's glob). */
export const RPM_DIRS = ['/var/lib/rpm', '/usr/lib/sysimage/rpm', '/usr/share/rpm'] as const;
/** rpm 4.16+ (Fedora 36+) moved its database here and left /var/lib/rpm a link to it, or a stale copy. */
const NEWEST_RPM_DIR = '/usr/lib/sysimage/rpm';
/** The sqlite backend is newer than bdb and ndb: an image that has both uses it. */
const RPM_FILES = ['rpmdb.sqlite', 'Packages.db', 'Packages'] as const;

export interface DetectedRpmDb {
  readonly path: string;
  readonly format: Extract<PackageDbFormat, 'rpm-sqlite' | 'rpm-bdb' | 'rpm-ndb'>;
}

export function detectRpmFormat(head: Uint8Array): DetectedRpmDb['format'] | undefined {
  if (isSqlite(head)) return 'rpm-sqlite';
  if (isNdb(head)) return 'rpm-ndb';
  if (isBerkeleyHash(head)) return 'rpm-bdb';
  return undefined;
}

export async function detectRpmDb(fs: ImageFs): Promise<DetectedRpmDb | undefined> {
  for (const dir of [NEWEST_RPM_DIR, ...RPM_DIRS.filter((d) => d !== NEWEST_RPM_DIR)]) {
    for (const name of RPM_FILES) {
      const path = `${dir}/${name}`;
      const head = await readImageFileHead(fs, path, 64);
      const format = head === undefined ? undefined : detectRpmFormat(head);
      if (format !== undefined) return { path, format };
    }
  }
  return undefined;
}

export async function readRpmDb(
  fs: ImageFs,
  found: DetectedRpmDb,
  sqlite: SqliteOptions,
): Promise<PackageDb | Error> {
  const bytes = await readImageFile(fs, found.path);
  if (bytes === undefined) return packageError('rpm-unreadable', { path: found.path });
  const wal = found.format === 'rpm-sqlite' ? await readImageFile(fs, `${found.path}-wal`) : undefined;
  const result = await readRpmDbBytes(bytes, found.format, wal, sqlite);
  if (result instanceof Error)
    return packageError('at-path', { path: found.path, problem: saidOfError(result) });
  return { ...result, location: found.path };
}

/** The same, over the bytes of one database file (and its `-wal` for sqlite). */
export async function readRpmDbBytes(
  bytes: Uint8Array,
  format: DetectedRpmDb['format'],
  wal: Uint8Array | undefined,
  sqlite: SqliteOptions,
): Promise<PackageDb | Error> {
  const blobs = await headerBlobs(bytes, format, wal, sqlite);
  if (blobs instanceof Error) return blobs;
  const packages: InstalledPackage[] = [];
  const warnings: string[] = [];
  const warningSentences: Said[] = [];
  for (const blob of blobs) {
    const pkg = readRpmPackage(blob);
    if (pkg instanceof Error) warn(warnings, warningSentences, saidOfError(pkg));
    else packages.push(pkg);
  }
  return { manager: 'rpm', format, location: '', packages, diversions: [], warnings, warningSentences };
}

async function headerBlobs(
  bytes: Uint8Array,
  format: DetectedRpmDb['format'],
  wal: Uint8Array | undefined,
  sqlite: SqliteOptions,
): Promise<Uint8Array[] | Error> {
  switch (format) {
    case 'rpm-sqlite': {
      const read = await readRpmSqlite(bytes, wal, sqlite);
      return read instanceof Error ? read : read.blobs.map((row) => row.blob);
    }
    case 'rpm-ndb': {
      const read = readNdb(bytes);
      return read instanceof Error ? read : read.map((slot) => slot.blob);
    }
    case 'rpm-bdb': {
      const read = readBerkeleyHash(bytes);
      if (read instanceof Error) return read;
      // Key 0 holds the last used instance number (a 4-byte value), not a header.
      return read.filter((record) => !isZeroKey(record.key)).map((record) => record.value);
    }
  }
}

function isZeroKey(key: Uint8Array): boolean {
  return key.length === 4 && key.every((byte) => byte === 0);
}
