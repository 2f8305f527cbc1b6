/**
 * File → owning package, over every package database of an image. Paths are matched after
 * merged-/usr canonicalisation (canonical-path.ts) on both sides, dpkg diversions move ownership
 * between the original and the diverted-to path, and a path that no package lists but that is a
 * symlink is looked up once more at its target ("the owner of the real file").
 *
 * The result's keys (`path`, `canonicalPath`, `package` with `name`, `version`, `arch`, `manager`)
 * are the CLI's `owner` output contract.
 */
import type { ImageFs } from '../model/image-fs';
import { normalizePath } from '../model/path';
import { PathCanonicaliser } from './canonical-path';
import type { Diversion, InstalledPackage, PackageDb, PackageManager } from './package-types';
import { fullVersion } from './package-types';

export interface PackageRef {
  readonly name: string;
  /** As the manager prints it: rpm `[E:]V-R`, dpkg `[E:]V`, apk `V`. */
  readonly version: string;
  readonly arch: string;
  readonly manager: PackageManager;
}

export interface OwnerResult {
  /** The path as asked for, normalised. */
  readonly path: string;
  /** The path with its directory part resolved inside the image. */
  readonly canonicalPath: string;
  /** The first owner, or null when no package owns the path (nor its symlink target). */
  readonly package: PackageRef | null;
  /** Every owner (directories are often shared), in database order. */
  readonly owners: readonly PackageRef[];
  /** "path": a package lists the path itself; "symlink-target": it lists the file the symlink points at. */
  readonly match: 'path' | 'symlink-target' | null;
  /** The resolved target when match is "symlink-target". */
  readonly targetPath: string | null;
}

export interface OwnerIndex {
  ownerOf(path: string): Promise<OwnerResult>;
  /** Installed packages that list exactly this path, without canonicalisation or diversions (`dpkg -S`). */
  listedAt(path: string): readonly InstalledPackage[];
  /** Installed packages owning the canonical form of the path, diversions applied (`rpm -qf`). */
  ownersAt(canonicalPath: string): readonly InstalledPackage[];
  readonly diversions: readonly Diversion[];
  /** Distinct canonical paths that have an owner. */
  readonly size: number;
}

export function toPackageRef(pkg: InstalledPackage): PackageRef {
  return { name: pkg.name, version: fullVersion(pkg), arch: pkg.arch, manager: pkg.manager };
}

export async function buildOwnerIndex(
  fs: ImageFs,
  dbs: PackageDb | readonly PackageDb[],
): Promise<OwnerIndex> {
  const list: readonly PackageDb[] = Array.isArray(dbs) ? dbs : [dbs as PackageDb];
  const canonicaliser = new PathCanonicaliser(fs);
  const raw = new Map<string, InstalledPackage[]>();
  const canonical = new Map<string, InstalledPackage[]>();
  const diversions = list.flatMap((db) => db.diversions);
  for (const db of list) {
    for (const pkg of db.packages) {
      for (const file of pkg.files) {
        // Files rpm did not put on disk (not installed, replaced, losing multilib colour) are not owned.
        if (file.installed) add(raw, file.path, pkg);
      }
    }
  }
  // One await per directory, not per file: 100,000 files share a few thousand directories.
  const normal = new Map<string, string>();
  for (const path of raw.keys()) normal.set(path, normalizePath(path));
  await canonicaliser.prepare(normal.values());
  for (const [path, owners] of raw) {
    const normalPath = normal.get(path)!;
    const key = canonicaliser.canonicalIfKnown(normalPath) ?? (await canonicaliser.canonical(normalPath));
    for (const pkg of owners) add(canonical, key, pkg);
  }
  await applyDiversions(canonical, diversions, canonicaliser);
  const refs = new Map<InstalledPackage, PackageRef>();
  const refOf = (pkg: InstalledPackage): PackageRef => {
    let ref = refs.get(pkg);
    if (ref === undefined) refs.set(pkg, (ref = toPackageRef(pkg)));
    return ref;
  };

  return {
    diversions,
    size: canonical.size,
    listedAt: (path) => raw.get(path) ?? [],
    ownersAt: (path) => canonical.get(path) ?? [],
    async ownerOf(path) {
      const normal = normalizePath(path);
      const canonicalPath = await canonicaliser.canonical(normal);
      let owners = canonical.get(canonicalPath);
      let match: OwnerResult['match'] = owners === undefined ? null : 'path';
      let targetPath: string | null = null;
      if (owners === undefined && (await fs.lstat(canonicalPath))?.kind === 'symlink') {
        const target = await canonicaliser.realpath(canonicalPath);
        owners = target === undefined ? undefined : canonical.get(target);
        if (owners !== undefined) {
          match = 'symlink-target';
          targetPath = target ?? null;
        }
      }
      const ownerRefs = (owners ?? []).map(refOf);
      return {
        path: normal,
        canonicalPath,
        package: ownerRefs[0] ?? null,
        owners: ownerRefs,
        match,
        targetPath,
      };
    },
  };
}

function add(map: Map<string, InstalledPackage[]>, path: string, pkg: InstalledPackage): void {
  const owners = map.get(path);
  if (owners === undefined) map.set(path, [pkg]);
  else if (!owners.includes(pkg)) owners.push(pkg);
}

/**
 * dpkg-divert(1): the diverting package's own file stays at the original path; every other
 * package's file of that name goes to the diverted-to path. A local diversion (no package) sends
 * them all away, leaving the original path to the administrator.
 */
async function applyDiversions(
  canonical: Map<string, InstalledPackage[]>,
  diversions: readonly Diversion[],
  canonicaliser: PathCanonicaliser,
): Promise<void> {
  for (const diversion of diversions) {
    const from = await canonicaliser.canonical(diversion.from);
    const to = await canonicaliser.canonical(diversion.to);
    const listers = (canonical.get(from) ?? []).filter((pkg) => pkg.manager === 'dpkg');
    const stays = listers.filter((pkg) => pkg.name === diversion.by);
    const moves = listers.filter((pkg) => pkg.name !== diversion.by);
    const others = (canonical.get(from) ?? []).filter((pkg) => pkg.manager !== 'dpkg');
    setOrDelete(canonical, from, [...stays, ...others]);
    const atTarget = canonical.get(to) ?? [];
    setOrDelete(canonical, to, [...atTarget, ...moves.filter((pkg) => !atTarget.includes(pkg))]);
  }
}

function setOrDelete(map: Map<string, InstalledPackage[]>, path: string, owners: InstalledPackage[]): void {
  if (owners.length === 0) map.delete(path);
  else map.set(path, owners);
}
