/** The Packages view's data: installed packages, the owner of a path, and what each layer changed. */
import type { ImageRecord } from '../image/model';
import type { OwnerResult } from '../packages/owner-index';
import { PACKAGE_DB_DIRS, type LayerPackages } from '../packages/layer-packages';
import { fullVersion, type InstalledPackage, type PackageDb } from '../packages/package-types';
import { layerCreatedBy } from '../session/history-view';
import type { Said } from '../model/said';
import { packageProblem } from '../packages/package-sentences';

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
  /** The same sentences by name, for the page to say in its language. */
  readonly problemSentences: readonly Said[];
}

/**
 * Licence names of the packages that have any (rpm and apk from their database, dpkg from its
 * DEP-5 copyright file), by name and architecture; a package without a known licence is absent.
 */
export interface PackageLicenses {
  readonly packages: readonly {
    readonly name: string;
    readonly arch: string;
    readonly licenses: readonly string[];
  }[];
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

/** Files under the package database directories: the content cache fetches a layer's together. */
export function isPackageDbFile(path: string): boolean {
  return PACKAGE_DB_DIRS.some((dir) => path.startsWith(`${dir}/`));
}

export function packagesView(dbs: readonly PackageDb[], errors: readonly Error[]): PackageList {
  return {
    managers: [...new Set(dbs.map((db) => db.manager))],
    locations: dbs.map((db) => `${db.location} (${db.format})`),
    packages: dbs
      .flatMap((db) => db.packages)
      .map((p) => ({
        manager: p.manager,
        name: p.name,
        version: fullVersion(p),
        arch: p.arch,
        sourcePackage: p.sourcePackage,
        license: p.license,
        installedSize: p.installedSize,
        fileCount: p.files.length,
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    problems: [...errors.map((e) => e.message), ...dbs.flatMap((db) => db.warnings)],
    problemSentences: [
      ...errors.map((e) => packageProblem(e)),
      ...dbs.flatMap((db) => db.warningSentences ?? db.warnings.map((w) => packageProblem(w))),
    ],
  };
}

export function licensesView(byPackage: ReadonlyMap<InstalledPackage, readonly string[]>): PackageLicenses {
  return {
    packages: [...byPackage].map(([p, licenses]) => ({ name: p.name, arch: p.arch, licenses })),
  };
}

export function ownerView(result: OwnerResult): PathOwners {
  return {
    path: result.path,
    canonicalPath: result.canonicalPath,
    owners: result.owners.map((o) => ({
      name: o.name,
      version: o.version,
      arch: o.arch,
      manager: o.manager,
    })),
    viaSymlink: result.match === 'symlink-target' ? result.targetPath : null,
  };
}

export function layerPackageChanges(
  image: ImageRecord,
  perLayer: readonly LayerPackages[],
): LayerPackageChanges[] {
  return perLayer.map((p) => ({
    index: p.index,
    createdBy: layerCreatedBy(image, p.index),
    dbChanged: p.dbChanged,
    installed: p.installed,
    removed: p.removed,
    upgraded: p.upgraded,
    packageCount: p.packages.length,
  }));
}
