/**
 * Packages, old against new, by manager and name (architecture kept apart but not shown): added, removed,
 * and version changes split by the manager's own order (dpkg's deb-version, rpm's EVR, apk's version.c).
 */
import { compareVersions } from '../packages/version-order';
import {
  fullVersion,
  type InstalledPackage,
  type PackageDb,
  type PackageManager,
} from '../packages/package-types';
import { renderSentence, type Sentence } from '../archive/archive-error';
import type { PackageEntry, PackagesCompare, PackageVersionChange } from './compare-types';

function managersOf(dbs: readonly PackageDb[]): PackageManager[] {
  return [...new Set(dbs.map((db) => db.manager))].sort();
}

const byName = (a: { name: string; manager: string }, b: { name: string; manager: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.manager < b.manager ? -1 : a.manager > b.manager ? 1 : 0;

function keyed(dbs: readonly PackageDb[]): Map<string, InstalledPackage> {
  const map = new Map<string, InstalledPackage>();
  for (const db of dbs)
    for (const pkg of db.packages) map.set(`${pkg.manager}\0${pkg.name}\0${pkg.arch}`, pkg);
  return map;
}

const entry = (pkg: InstalledPackage): PackageEntry => ({
  name: pkg.name,
  version: fullVersion(pkg),
  manager: pkg.manager,
});

function noteSentence(oldManagers: readonly string[], newManagers: readonly string[]): Sentence | null {
  const o = oldManagers.join('+');
  const n = newManagers.join('+');
  if (o === n) return null;
  if (o === '') return { name: 'compare-old-no-db', params: { new: n } };
  if (n === '') return { name: 'compare-new-no-db', params: { old: o } };
  return { name: 'compare-managers-differ', params: { old: o, new: n } };
}

/** `oldDbs` or `newDbs` empty: that image has no package database. */
export function comparePackages(oldDbs: readonly PackageDb[], newDbs: readonly PackageDb[]): PackagesCompare {
  const before = keyed(oldDbs);
  const after = keyed(newDbs);
  const added: PackageEntry[] = [];
  const removed: PackageEntry[] = [];
  const upgraded: PackageVersionChange[] = [];
  const downgraded: PackageVersionChange[] = [];
  for (const [key, pkg] of after) {
    const was = before.get(key);
    if (was === undefined) {
      added.push(entry(pkg));
      continue;
    }
    const from = fullVersion(was);
    const to = fullVersion(pkg);
    if (from === to) continue;
    const change = { name: pkg.name, from, to, manager: pkg.manager };
    // Equal by the manager's order but spelled differently (1.0 and 1.00): an upgrade in name only.
    (compareVersions(pkg.manager, from, to) > 0 ? downgraded : upgraded).push(change);
  }
  for (const [key, pkg] of before) if (!after.has(key)) removed.push(entry(pkg));
  const oldManagers = managersOf(oldDbs);
  const newManagers = managersOf(newDbs);
  const sentence = noteSentence(oldManagers, newManagers);
  const all = [...new Set([...oldManagers, ...newManagers])];
  return {
    // One name when the images agree or only one has a database; "dpkg → apk" when they differ.
    manager:
      all.length === 0
        ? null
        : oldManagers.length === 0 || newManagers.length === 0 || sentence === null
          ? all.join('+')
          : `${oldManagers.join('+')} → ${newManagers.join('+')}`,
    added: added.sort(byName),
    removed: removed.sort(byName),
    upgraded: upgraded.sort(byName),
    downgraded: downgraded.sort(byName),
    note: sentence === null ? null : renderSentence(sentence.name, sentence.params),
    noteSentence: sentence,
  };
}
