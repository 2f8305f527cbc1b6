/**
 * What the package readers report, whatever the manager: one installed package with the files it
 * owns. rpm, dpkg and apk fill the fields they have; the others stay empty strings or undefined.
 */
import type { Said } from '../model/said';

export type PackageManager = 'rpm' | 'dpkg' | 'apk';

export type PackageDbFormat =
  'rpm-sqlite' | 'rpm-bdb' | 'rpm-ndb' | 'dpkg-status' | 'dpkg-status.d' | 'apk-installed';

/** rpm FILEFLAGS bits (rpmfiles.h); dpkg and apk set CONFIG only (dpkg conffiles). */
export const FILE_FLAG = {
  config: 1,
  doc: 2,
  missingOk: 8,
  noReplace: 16,
  ghost: 64,
  license: 128,
  artifact: 4096,
} as const;

/** rpm FILESTATES values (rpmfiles.h rpmfileState). */
export const FILE_STATE = {
  normal: 0,
  replaced: 1,
  notInstalled: 2,
  netShared: 3,
  wrongColor: 4,
} as const;

export interface InstalledFile {
  /** Absolute path as the database lists it (not canonicalised). */
  readonly path: string;
  /** FILE_FLAG bits. */
  readonly flags: number;
  /**
   * False when the database says the file is not on disk: rpm FILESTATES other than normal or
   * netshared (`RPMFILE_IS_INSTALLED`: not installed by `--excludedocs`/`tsflags=nodocs`, replaced by
   * another package, the losing multilib colour). Such a file is not owned (`rpm -qf` skips it).
   * A %ghost file stays installed: owned, though not shipped.
   */
  readonly installed: boolean;
  /** Hex digest as stored ("" for directories, symlinks or when the manager keeps none). */
  readonly digest: string;
  /** Symlink target as stored by rpm ("" otherwise). */
  readonly linkTarget: string;
}

export interface InstalledPackage {
  readonly manager: PackageManager;
  readonly name: string;
  /** rpm EPOCH tag, or the dpkg "E:" prefix; undefined when absent (never shown as "0:"). */
  readonly epoch: number | undefined;
  /** Version without epoch (dpkg: upstream-revision as one string; apk: the whole "V:"). */
  readonly version: string;
  /** rpm RELEASE; "" for dpkg and apk. */
  readonly release: string;
  readonly arch: string;
  /** rpm SOURCERPM, dpkg Source (name only, defaulting to the package), apk origin. */
  readonly sourcePackage: string;
  readonly license: string;
  readonly vendor: string;
  /** Bytes (dpkg's Installed-Size is KiB and is converted). */
  readonly installedSize: number;
  /** dpkg "Multi-Arch: same": dpkg names it "name:arch". */
  readonly multiArchSame: boolean;
  readonly files: readonly InstalledFile[];
}

/** A dpkg diversion (`/var/lib/dpkg/diversions`): `by` is undefined for a local diversion (":"). */
export interface Diversion {
  readonly from: string;
  readonly to: string;
  readonly by: string | undefined;
}

export interface PackageDb {
  readonly manager: PackageManager;
  readonly format: PackageDbFormat;
  /** The database file or directory inside the image. */
  readonly location: string;
  readonly packages: readonly InstalledPackage[];
  readonly diversions: readonly Diversion[];
  /** Sentences about records that were skipped (a damaged header, a missing .list). */
  readonly warnings: readonly string[];
  /** The same sentences by name, for the page to say in its language (absent: English only). */
  readonly warningSentences?: readonly Said[];
}

/** The version the manager's own tools print: rpm `[E:]V-R`, dpkg `[E:]V`, apk `V`. */
export function fullVersion(pkg: InstalledPackage): string {
  const epoch = pkg.epoch === undefined ? '' : `${pkg.epoch}:`;
  return pkg.release === '' ? `${epoch}${pkg.version}` : `${epoch}${pkg.version}-${pkg.release}`;
}
