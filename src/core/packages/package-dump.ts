/**
 * A stable human-readable dump of a package database: the golden-file form of the tests and a
 * plain-text view for the CLI. One package a line, then its files indented, each with its flags.
 */
import type { InstalledFile, InstalledPackage, PackageDb } from './package-types';
import { FILE_FLAG, fullVersion } from './package-types';

const FLAG_NAMES: readonly (readonly [number, string])[] = [
  [FILE_FLAG.config, 'config'],
  [FILE_FLAG.doc, 'doc'],
  [FILE_FLAG.missingOk, 'missingok'],
  [FILE_FLAG.noReplace, 'noreplace'],
  [FILE_FLAG.ghost, 'ghost'],
  [FILE_FLAG.license, 'license'],
  [FILE_FLAG.artifact, 'artifact'],
];

export function describeFile(file: InstalledFile): string {
  const words = FLAG_NAMES.filter(([bit]) => (file.flags & bit) !== 0).map(([, name]) => name);
  if (!file.installed) words.push('not-installed');
  if (file.linkTarget !== '') words.push(`-> ${file.linkTarget}`);
  return words.length === 0 ? file.path : `${file.path} ${words.join(' ')}`;
}

export function describePackage(pkg: InstalledPackage): string {
  const parts = [`${pkg.name} ${fullVersion(pkg)} ${pkg.arch}`];
  if (pkg.sourcePackage !== '') parts.push(`source=${pkg.sourcePackage}`);
  if (pkg.license !== '') parts.push(`license=${JSON.stringify(pkg.license)}`);
  if (pkg.vendor !== '') parts.push(`vendor=${JSON.stringify(pkg.vendor)}`);
  parts.push(`size=${pkg.installedSize}`, `files=${pkg.files.length}`);
  if (pkg.multiArchSame) parts.push('multi-arch=same');
  return parts.join(' ');
}

export function dumpPackageDb(db: PackageDb, options: { readonly files: boolean } = { files: true }): string {
  const lines = [`${db.format} ${db.location} packages=${db.packages.length}`];
  for (const warning of db.warnings) lines.push(`warning: ${warning}`);
  for (const d of db.diversions) lines.push(`diversion ${d.from} -> ${d.to} by ${d.by ?? '(local)'}`);
  const packages = [...db.packages].sort((a, b) => compare(a.name, b.name) || compare(a.arch, b.arch));
  for (const pkg of packages) {
    lines.push(describePackage(pkg));
    if (options.files) for (const file of pkg.files) lines.push(`  ${describeFile(file)}`);
  }
  return `${lines.join('\n')}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
