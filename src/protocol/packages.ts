/** Messages of the Packages view: installed packages, their files, the owner of a path. */

export interface PackageRow {
  readonly manager: 'rpm' | 'dpkg' | 'apk';
  readonly name: string;
  /** As the manager's tools print it: rpm [E:]V-R, dpkg [E:]V, apk V. */
  readonly version: string;
  readonly arch: string;
  readonly sourcePackage: string;
  readonly license: string;
  readonly installedSize: number;
  readonly fileCount: number;
}

export interface PackageList {
  readonly managers: readonly string[];
  /** Where each database was found, e.g. "/var/lib/dpkg/status (dpkg-status)". */
  readonly locations: readonly string[];
  readonly packages: readonly PackageRow[];
  /** Sentences: a database that could not be read, skipped records. */
  readonly problems: readonly string[];
}

export interface PathOwners {
  readonly path: string;
  readonly canonicalPath: string;
  /** "name version arch" of every owner; empty when no package owns the path. */
  readonly owners: readonly {
    readonly name: string;
    readonly version: string;
    readonly arch: string;
    readonly manager: string;
  }[];
  readonly viaSymlink: string | null;
}

export interface LayerPackageChanges {
  readonly index: number;
  readonly createdBy: string;
  /** Whether this layer touched a package database at all. */
  readonly dbChanged: boolean;
  readonly installed: readonly string[];
  readonly removed: readonly string[];
  readonly upgraded: readonly { name: string; from: string; to: string; direction?: 'up' | 'down' }[];
  readonly packageCount: number;
}

export type PackagesRequest =
  | { readonly type: 'packages'; readonly archiveId: string; readonly imageKey: string }
  | {
      readonly type: 'package-files';
      readonly archiveId: string;
      readonly imageKey: string;
      readonly name: string;
      readonly arch: string;
    }
  | { readonly type: 'owner'; readonly archiveId: string; readonly imageKey: string; readonly path: string }
  | { readonly type: 'package-layers'; readonly archiveId: string; readonly imageKey: string }
  | {
      readonly type: 'owners';
      readonly archiveId: string;
      readonly imageKey: string;
      readonly paths: readonly string[];
    }
  | { readonly type: 'sbom'; readonly archiveId: string; readonly imageKey: string };
