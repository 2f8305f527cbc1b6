/**
 * The output forms of `strata packages`: the table, the versioned JSON export, and the per-layer
 * lines. JSON keys are the contract (version 1): add fields, never rename them.
 */
import {
  formatSize,
  fullVersion,
  type ImageRecord,
  type InstalledPackage,
  type PackageDb,
  purlOf,
  type Distro,
  type LayerPackages,
  type PackageUpgrade,
  layerCreatedBy,
} from '../../core';
import { table } from '../table';

export const PACKAGES_JSON_VERSION = 1;
const SHOWN_NAMES = 24;

export interface PackageJson {
  readonly name: string;
  /** As the manager prints it: rpm `[E:]V-R`, dpkg `[E:]V`, apk `V`. */
  readonly version: string;
  readonly epoch: number | null;
  readonly release: string;
  readonly arch: string;
  readonly manager: string;
  readonly source: string;
  /** The database's licence field ("" for dpkg, whose status has none). */
  readonly license: string;
  /** The database's licence, or for dpkg the `License:` names of the package's DEP-5 copyright file. */
  readonly licenses: readonly string[];
  readonly vendor: string;
  /** Bytes. */
  readonly installedSize: number;
  readonly fileCount: number;
  readonly purl: string;
}

export interface LayerJson {
  readonly index: number;
  readonly createdBy: string;
  readonly installed: readonly string[];
  readonly removed: readonly string[];
  readonly upgraded: readonly PackageUpgrade[];
  /** Whether the layer changed a database file (else its set is the one below). */
  readonly dbChanged: boolean;
  readonly packageCount: number;
}

export interface PackagesJson {
  readonly version: typeof PACKAGES_JSON_VERSION;
  readonly image: { readonly id: string; readonly names: readonly string[] };
  readonly layer: number;
  readonly managers: readonly string[];
  readonly databases: readonly {
    readonly manager: string;
    readonly format: string;
    readonly location: string;
    readonly packages: number;
    readonly warnings: readonly string[];
  }[];
  readonly packages: readonly PackageJson[];
  readonly layers: readonly LayerJson[];
  readonly warnings: readonly string[];
}

export function packageJson(
  pkg: InstalledPackage,
  distro: Distro | undefined,
  licenses: readonly string[] | undefined,
): PackageJson {
  return {
    name: pkg.name,
    version: fullVersion(pkg),
    epoch: pkg.epoch ?? null,
    release: pkg.release,
    arch: pkg.arch,
    manager: pkg.manager,
    source: pkg.sourcePackage,
    license: pkg.license,
    licenses: licenses ?? [],
    vendor: pkg.vendor,
    installedSize: pkg.installedSize,
    fileCount: pkg.files.length,
    purl: purlOf(pkg, distro),
  };
}

export function layersJson(image: ImageRecord, layers: readonly LayerPackages[]): LayerJson[] {
  return layers.map((l) => ({
    index: l.index,
    createdBy: layerCreatedBy(image, l.index),
    installed: l.installed,
    removed: l.removed,
    upgraded: l.upgraded,
    dbChanged: l.dbChanged,
    packageCount: l.packages.length,
  }));
}

export function databasesJson(dbs: readonly PackageDb[]): PackagesJson['databases'] {
  return dbs.map((db) => ({
    manager: db.manager,
    format: db.format,
    location: db.location,
    packages: db.packages.length,
    warnings: db.warnings,
  }));
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function packagesText(
  dbs: readonly PackageDb[],
  packages: readonly InstalledPackage[],
  licenses: ReadonlyMap<InstalledPackage, readonly string[]>,
): string {
  const header = dbs.map((db) => `${db.format} ${db.location}: ${db.packages.length} packages\n`).join('');
  const rows = packages.map((p) => [
    p.name,
    fullVersion(p),
    p.arch,
    p.sourcePackage === '' ? '-' : p.sourcePackage,
    oneLine(licenses.get(p)?.join(', ') ?? '-', 40),
    formatSize(p.installedSize),
    String(p.files.length),
  ]);
  return `${header}\n${table(['NAME', 'VERSION', 'ARCH', 'SOURCE', 'LICENSE', 'SIZE', 'FILES'], rows)}`;
}

/** One row per layer with its counts, then the names for each layer that changed any. */
export function layersText(image: ImageRecord, layers: readonly LayerPackages[]): string {
  const rows = layers.map((l) => [
    String(l.index),
    String(l.installed.length),
    String(l.removed.length),
    String(l.upgraded.length),
    oneLine(layerCreatedBy(image, l.index), 60),
  ]);
  let text = table(['LAYER', 'INSTALLED', 'REMOVED', 'UPGRADED', 'CREATED BY'], rows);
  for (const l of layers) {
    const words = [
      ...l.installed.map((n) => `+${n}`),
      ...l.removed.map((n) => `-${n}`),
      ...l.upgraded.map(
        (u) => `~${u.name} (${u.from} -> ${u.to}${u.direction === 'down' ? ', a downgrade' : ''})`,
      ),
    ];
    if (words.length === 0) continue;
    // A base layer installs hundreds: name the first few, the JSON has them all.
    const shown =
      words.length > SHOWN_NAMES
        ? [...words.slice(0, SHOWN_NAMES), `… ${words.length - SHOWN_NAMES} more`]
        : words;
    text += `\nlayer ${l.index}: ${shown.join(' ')}\n`;
  }
  return text;
}
