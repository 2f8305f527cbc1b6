/**
 * The installed packages at every layer of an image and what each layer did to them. A layer's set is read
 * afresh only when that layer changed a package database file
 * (docs/package-databases.md#finding-the-databases: dpkg's status and info/*.list, rpm's
 * Packages/rpmdb.sqlite, apk's installed); any other layer sees the set below it, so a 40-layer image with
 * one `apt-get install` reads the database twice, not forty times.
 *
 * Takes the layer stack structurally (the few members it uses), so this folder keeps importing
 * only ../model.
 */
import type { ImageFs } from '../model/image-fs';
import type { TarEntry } from '../model/tar-entry';
import type { ReadPackageDbsOptions } from './package-dbs';
import { readPackageDbs } from './package-dbs';
import { RPM_DIRS } from './rpm-db';
import type { InstalledPackage, PackageDb, PackageManager } from './package-types';
import { fullVersion } from './package-types';
import { compareVersions } from './version-order';

/** Where the readers look (package-dbs.ts), as directories: a change at or below one is a db change. */
export const PACKAGE_DB_DIRS: readonly string[] = [
  '/var/lib/dpkg',
  ...RPM_DIRS,
  '/lib/apk/db',
  // On a merged-/usr Alpine (/lib -> usr/lib) the layer writes the real path.
  '/usr/lib/apk/db',
];

/** Reads bytes of an entry's content from its layer (the layer stack's ContentReader). */
export type LayerContentReader = (
  layerIndex: number,
  entry: TarEntry,
  offset: number,
  length: number,
) => Promise<Uint8Array>;

interface ChangedPathLike {
  readonly path: string;
  readonly details: readonly string[];
}

/** The members of `LayerStack` (core/layers) this reader uses. */
export interface PackageLayerSource {
  readonly layerCount: number;
  changes(layer: number): {
    readonly added: readonly ChangedPathLike[];
    readonly modified: readonly ChangedPathLike[];
    readonly removed: readonly ChangedPathLike[];
  };
  /**
   * The same changes visited one at a time (LayerStack.changeTable), when the source has them: a base
   * layer of millions of paths is then never held as a change list.
   */
  changeTable?(layer: number): {
    changes(): Iterable<ChangedPathLike & { readonly change: 'added' | 'modified' | 'removed' }>;
  };
  imageFs(layer: number, reader?: LayerContentReader): ImageFs;
}

export interface PackagesPerLayerOptions extends ReadPackageDbsOptions {
  /** Stop after this layer (inclusive); default the top layer. */
  readonly toLayer?: number;
}

/** A package whose version changed in a layer (either way: "upgraded" is the common case's name). */
export interface PackageUpgrade {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  /** By the manager's own version order (dpkg, rpm, apk); absent when the two versions order as equal. */
  readonly direction?: 'up' | 'down';
}

export interface LayerPackages {
  readonly index: number;
  /** True when this layer changed a database file and its set was read; false: the set below. */
  readonly dbChanged: boolean;
  readonly dbs: readonly PackageDb[];
  /** Databases found at this layer that could not be read (the set then lacks their packages). */
  readonly errors: readonly Error[];
  /** Every installed package visible at this layer, sorted by name, then arch. */
  readonly packages: readonly InstalledPackage[];
  /** Package keys (see `packageKey`) new at this layer, sorted. */
  readonly installed: readonly string[];
  readonly removed: readonly string[];
  readonly upgraded: readonly PackageUpgrade[];
}

/**
 * The name a diff shows: dpkg's `name:arch` for Multi-Arch: same (the name dpkg itself uses), rpm's
 * `name.arch` when the same name is installed for two arches (multilib), else the name.
 */
export function packageKey(pkg: InstalledPackage, multilibNames: ReadonlySet<string>): string {
  if (pkg.manager === 'dpkg' && pkg.multiArchSame) return `${pkg.name}:${pkg.arch}`;
  if (pkg.manager === 'rpm' && multilibNames.has(pkg.name)) return `${pkg.name}.${pkg.arch}`;
  return pkg.name;
}

const below = (path: string) => PACKAGE_DB_DIRS.some((dir) => path === dir || path.startsWith(`${dir}/`));
// An ancestor that went away or changed type (/var/lib replaced by a symlink) moves the database.
const above = (path: string) => PACKAGE_DB_DIRS.some((dir) => dir.startsWith(`${path === '/' ? '' : path}/`));

function changeTouchesDb(c: ChangedPathLike, change: 'added' | 'modified' | 'removed'): boolean {
  if (change !== 'modified') return below(c.path) || above(c.path);
  return below(c.path) || (above(c.path) && c.details.includes('type'));
}

export function touchesPackageDb(changes: ReturnType<PackageLayerSource['changes']>): boolean {
  return (
    changes.added.some((c) => changeTouchesDb(c, 'added')) ||
    changes.removed.some((c) => changeTouchesDb(c, 'removed')) ||
    changes.modified.some((c) => changeTouchesDb(c, 'modified'))
  );
}

function layerTouchesDb(stack: PackageLayerSource, layer: number): boolean {
  if (stack.changeTable === undefined) return touchesPackageDb(stack.changes(layer));
  for (const c of stack.changeTable(layer).changes()) if (changeTouchesDb(c, c.change)) return true;
  return false;
}

const EMPTY: LayerPackages = {
  index: 0,
  dbChanged: false,
  dbs: [],
  errors: [],
  packages: [],
  installed: [],
  removed: [],
  upgraded: [],
};

export async function packagesPerLayer(
  stack: PackageLayerSource,
  reader: LayerContentReader,
  options: PackagesPerLayerOptions = {},
): Promise<LayerPackages[]> {
  const last = Math.min(options.toLayer ?? stack.layerCount - 1, stack.layerCount - 1);
  const result: LayerPackages[] = [];
  let below: LayerPackages | undefined;
  for (let index = 0; index <= last; index++) {
    const dbChanged = layerTouchesDb(stack, index);
    if (!dbChanged) {
      below = { ...(below ?? EMPTY), index, dbChanged, installed: [], removed: [], upgraded: [] };
      result.push(below);
      continue;
    }
    const { dbs, errors } = await readPackageDbs(stack.imageFs(index, reader), options);
    const packages = sortPackages(dbs.flatMap((db) => db.packages));
    below = { index, dbChanged, dbs, errors, packages, ...diffPackages(below?.packages ?? [], packages) };
    result.push(below);
  }
  return result;
}

export function sortPackages(packages: readonly InstalledPackage[]): InstalledPackage[] {
  return [...packages].sort(
    (a, b) => compare(a.name, b.name) || compare(a.arch, b.arch) || compare(a.manager, b.manager),
  );
}

/** What changed between two package sets, by manager and key: installed, removed, upgraded. */
export function diffPackages(
  before: readonly InstalledPackage[],
  after: readonly InstalledPackage[],
): Pick<LayerPackages, 'installed' | 'removed' | 'upgraded'> {
  const multilib = multilibNames([...before, ...after]);
  const keyed = (list: readonly InstalledPackage[]) => {
    const map = new Map<string, { key: string; version: string; manager: PackageManager }>();
    for (const pkg of list)
      map.set(`${pkg.manager}\0${packageKey(pkg, multilib)}`, {
        key: packageKey(pkg, multilib),
        version: fullVersion(pkg),
        manager: pkg.manager,
      });
    return map;
  };
  const old = keyed(before);
  const now = keyed(after);
  const installed: string[] = [];
  const upgraded: PackageUpgrade[] = [];
  for (const [id, pkg] of now) {
    const was = old.get(id);
    if (was === undefined) installed.push(pkg.key);
    else if (was.version !== pkg.version) {
      const order = compareVersions(pkg.manager, was.version, pkg.version);
      const direction = order === 0 ? undefined : order < 0 ? 'up' : 'down';
      upgraded.push({ name: pkg.key, from: was.version, to: pkg.version, ...(direction && { direction }) });
    }
  }
  const removed = [...old].filter(([id]) => !now.has(id)).map(([, pkg]) => pkg.key);
  return {
    installed: installed.sort(compare),
    removed: removed.sort(compare),
    upgraded: upgraded.sort((a, b) => compare(a.name, b.name)),
  };
}

function multilibNames(packages: readonly InstalledPackage[]): Set<string> {
  const arches = new Map<string, Set<string>>();
  for (const pkg of packages) {
    if (pkg.manager !== 'rpm') continue;
    const set = arches.get(pkg.name) ?? new Set<string>();
    set.add(pkg.arch);
    arches.set(pkg.name, set);
  }
  return new Set([...arches].filter(([, set]) => set.size > 1).map(([name]) => name));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
