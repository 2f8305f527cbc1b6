/** The package folder's public API (what src/core/index.ts re-exports for the worker and the CLI). */
export type {
  Diversion,
  InstalledFile,
  InstalledPackage,
  PackageDb,
  PackageDbFormat,
  PackageManager,
} from './package-types';
export { FILE_FLAG, FILE_STATE, fullVersion } from './package-types';
export type { DetectedPackageDb, ReadPackageDbsOptions } from './package-dbs';
export { detectPackageDbs, readPackageDb, readPackageDbs } from './package-dbs';
export type { SqliteOptions } from './rpm-sqlite';
export { readRpmDbBytes, detectRpmFormat } from './rpm-db';
export type { OwnerIndex, OwnerResult, PackageRef } from './owner-index';
export { buildOwnerIndex, toPackageRef } from './owner-index';
export { dpkgName, formatDpkgS, formatRpmQf } from './owner-format';
export { describePackage, dumpPackageDb } from './package-dump';
export {
  COPYRIGHT_READ_LIMIT,
  copyrightPath,
  isCopyrightPath,
  parseDep5Licenses,
  readPackageLicenses,
} from './dpkg-licenses';
export { PathCanonicaliser } from './canonical-path';
export { applySqliteWal } from './sqlite-wal';
export { ImageFileTooLargeError } from './image-file';
