/** Installed packages for tests: version 1, no files, every other field empty unless given. */
import type { InstalledPackage, PackageManager } from '../packages/package-types';

export function installedPackage(
  manager: PackageManager,
  name: string,
  extra: Partial<InstalledPackage> = {},
): InstalledPackage {
  return {
    manager,
    name,
    epoch: undefined,
    version: '1',
    release: '',
    arch: 'amd64',
    sourcePackage: name,
    license: '',
    vendor: '',
    installedSize: 0,
    multiArchSame: false,
    files: [],
    ...extra,
  };
}

export const dpkgPackage = (name: string, extra: Partial<InstalledPackage> = {}): InstalledPackage =>
  installedPackage('dpkg', name, extra);
