/** Results of the Packages view: installed packages, their files, the owner of a path, per-layer changes. */
export type { LayerPackageChanges, PathOwners, PackageRow, PackageList } from '../core';
