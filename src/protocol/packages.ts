/** Results of the Packages view: installed packages, their files, the owner of a path, per-layer changes. */
export type { LayerPackageChanges, PathOwners, PackageLicenses, PackageRow, PackageList } from '../core';
