/**
 * Licences of dpkg packages. dpkg's status has no licence field; Debian states it in
 * `/usr/share/doc/<package>/copyright`, which in the machine-readable format (DEP-5, "Format:
 * https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/") names each licence on a
 * `License:` line (the first line of the field is the short name, e.g. "GPL-2+", "Expat").
 * Free-form copyright files name none that a program can trust, so they give no licence.
 */
import type { ImageFs, InstalledPackage } from '../../core';

/** Copyright files are small; a generated one of several MB is cut here rather than held whole. */
const MAX_COPYRIGHT = 1024 * 1024;

export function copyrightPath(pkg: InstalledPackage): string {
  return `/usr/share/doc/${pkg.name}/copyright`;
}

export const isCopyrightPath = (path: string): boolean => /^\/usr\/share\/doc\/[^/]+\/copyright$/.test(path);

/** The distinct short names of the `License:` fields of a DEP-5 file, in order of appearance. */
export function parseDep5Licenses(text: string): string[] {
  if (!/^Format:\s*\S/im.test(text.slice(0, 4096))) return [];
  const names: string[] = [];
  for (const line of text.split('\n')) {
    // Field lines start in column 0; continuation lines (the licence text) start with a space.
    const m = /^License:[ \t]*(.*?)\s*$/i.exec(line);
    if (m && m[1] !== '' && !names.includes(m[1]!)) names.push(m[1]!);
  }
  return names;
}

/**
 * Licence names per package: the database's own field when it has one (rpm, apk), else for dpkg
 * the copyright file's `License:` names; packages with neither are absent from the map.
 */
export async function readLicenses(
  fs: ImageFs,
  packages: readonly InstalledPackage[],
): Promise<Map<InstalledPackage, readonly string[]>> {
  const out = new Map<InstalledPackage, readonly string[]>();
  for (const pkg of packages) {
    if (pkg.license !== '') {
      out.set(pkg, [pkg.license]);
      continue;
    }
    if (pkg.manager !== 'dpkg') continue;
    const node = await fs.lstat(copyrightPath(pkg));
    const size = node?.kind === 'file' ? node.size : MAX_COPYRIGHT;
    const bytes = await fs.read(copyrightPath(pkg), 0, Math.min(size, MAX_COPYRIGHT));
    if (bytes === undefined) continue;
    const names = parseDep5Licenses(new TextDecoder().decode(bytes));
    if (names.length > 0) out.set(pkg, names);
  }
  return out;
}
