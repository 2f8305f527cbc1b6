/** An installed dpkg package for tests: version 1, no files, every other field empty unless given. */
import type { InstalledPackage } from '../packages/package-types';

export function dpkgPackage(name: string, extra: Partial<InstalledPackage> = {}): InstalledPackage {
  return {
    manager: 'dpkg',
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
