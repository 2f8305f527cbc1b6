/**
 * The owner lines of the native tools, so strata's answers can be compared with theirs verbatim.
 */
import type { Diversion, InstalledPackage } from './package-types';

/**
 * `rpm -qf PATH` with its default query format `%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}` (no epoch),
 * one line per owner. rpm looks the path up first and only stats it when nothing owns it, so a %ghost
 * file that is absent on disk still has an owner.
 */
export function formatRpmQf(
  path: string,
  owners: readonly InstalledPackage[],
  existsInImage: boolean,
): string {
  const rpmOwners = owners.filter((pkg) => pkg.manager === 'rpm');
  if (rpmOwners.length > 0)
    return rpmOwners.map((p) => `${p.name}-${p.version}-${p.release}.${p.arch}`).join('\n');
  return existsInImage
    ? `file ${path} is not owned by any package`
    : `error: file ${path}: No such file or directory`;
}

/** `name` or, for a Multi-Arch: same package, `name:arch` (dpkg's non-ambiguous name). */
export function dpkgName(pkg: InstalledPackage): string {
  return pkg.multiArchSame ? `${pkg.name}:${pkg.arch}` : pkg.name;
}

/**
 * `dpkg-query -S PATH` for a literal path: the diversions naming it, then `pkg[, pkg…]: PATH` from
 * the packages whose .list holds exactly that string (dpkg does not canonicalise, so on merged /usr
 * it misses `/usr/lib/…/libc.so.6`), else dpkg-query's error line. dpkg orders several owners by its
 * own load order, which the database does not record; callers compare them as a set.
 */
export function formatDpkgS(
  path: string,
  listers: readonly InstalledPackage[],
  diversions: readonly Diversion[],
): string {
  const lines: string[] = [];
  for (const d of diversions) {
    if (d.from !== path && d.to !== path) continue;
    const who = d.by === undefined ? 'local diversion' : `diversion by ${d.by}`;
    lines.push(`${who} from: ${d.from}`, `${who} to: ${d.to}`);
  }
  const owners = listers.filter((pkg) => pkg.manager === 'dpkg');
  if (owners.length > 0) lines.push(`${owners.map(dpkgName).join(', ')}: ${path}`);
  if (lines.length === 0) lines.push(`dpkg-query: no path found matching pattern ${path}`);
  return lines.join('\n');
}
