/**
 * Licences of dpkg packages. dpkg's status has no licence field; Debian states it in
 * `/usr/share/doc/<package>/copyright`, which in the machine-readable format (DEP-5, copyright-format
 * 1.0, see docs/package-databases.md) is a header paragraph (`Format:`, maybe a `License:` for the
 * work as a whole), then `Files:` paragraphs, each with a `License:` whose first line is the short
 * name ("GPL-2+", "Expat", "GPL-2+ or Artistic"), then stand-alone `License:` paragraphs that only
 * hold licence texts. The licence of a package is the short names of the header and the `Files:`
 * paragraphs. A free-form copyright file names none a program can trust, so it gives no licence.
 */
import type { ImageFs } from '../model/image-fs';
import { parseStanzas } from './deb822';
import type { InstalledPackage } from './package-types';

/**
 * Copyright files are a few kB; a generated one can reach MBs. Only this much of the head is read:
 * the header and `Files:` paragraphs come first, the long licence texts after them.
 */
export const COPYRIGHT_READ_LIMIT = 256 * 1024;

export function copyrightPath(pkg: InstalledPackage): string {
  return `/usr/share/doc/${pkg.name}/copyright`;
}

/** The files licence reads want: a content cache batches them per layer (one function, one batch). */
export const isCopyrightPath = (path: string): boolean => /^\/usr\/share\/doc\/[^/]+\/copyright$/.test(path);

/** The short name of a `License:` field: its first line ("" when the field only has a text). */
function shortName(field: string | undefined): string {
  return (field ?? '').split('\n', 1)[0]!.trim();
}

/**
 * The distinct licence short names of a DEP-5 copyright file, header first, then the `Files:`
 * paragraphs in order; [] for a file that is not DEP-5.
 */
export function parseDep5Licenses(text: string): string[] {
  const [header, ...rest] = parseStanzas(text.replace(/\r\n?/g, '\n'));
  // copyright-format 1.0 names the header's first field `Format:`; drafts said `Format-Specification:`.
  if (header === undefined || !(header.has('format') || header.has('format-specification'))) return [];
  const names: string[] = [];
  const add = (name: string) => {
    if (name !== '' && !names.includes(name)) names.push(name);
  };
  add(shortName(header.get('license')));
  for (const stanza of rest) if (stanza.has('files')) add(shortName(stanza.get('license')));
  return names;
}

/**
 * Licence names per package: the database's own field when it has one (rpm, apk), else for dpkg
 * the copyright file's DEP-5 names; packages with neither are absent from the map. Reads only the
 * head of each copyright file (COPYRIGHT_READ_LIMIT), so a huge one costs no more than a small one.
 */
export async function readPackageLicenses(
  fs: ImageFs,
  packages: readonly InstalledPackage[],
): Promise<Map<InstalledPackage, readonly string[]>> {
  const out = new Map<InstalledPackage, readonly string[]>();
  const decoder = new TextDecoder();
  for (const pkg of packages) {
    if (pkg.license !== '') {
      out.set(pkg, [pkg.license]);
      continue;
    }
    if (pkg.manager !== 'dpkg') continue;
    // `read` follows symlinks: libgcc-s1's doc directory is a link to gcc-12-base's.
    const bytes = await fs.read(copyrightPath(pkg), 0, COPYRIGHT_READ_LIMIT);
    if (bytes === undefined) continue;
    let text = decoder.decode(bytes);
    // A cut file ends in the middle of a line: keep whole lines only.
    if (bytes.length === COPYRIGHT_READ_LIMIT) text = text.slice(0, text.lastIndexOf('\n') + 1);
    const names = parseDep5Licenses(text);
    if (names.length > 0) out.set(pkg, names);
  }
  return out;
}
