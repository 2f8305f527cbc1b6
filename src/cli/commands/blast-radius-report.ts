/** What `strata blast-radius` reports per image, as JSON rows and as text grouped by the owning package. */
import { shortDigest, type BlastDependent, type BlastRadius } from '../../core';

/** Version of `strata blast-radius --json`; bump on any change that is not a pure addition. */
export const BLAST_RADIUS_JSON_VERSION = 1;

export interface BlastRadiusImage {
  readonly archive: string;
  readonly id: string;
  readonly names: readonly string[];
  /** The image holds at least one library of the package: rebuild it. */
  readonly affected: boolean;
  readonly match: BlastRadius['match'];
  readonly libraries: readonly string[];
  readonly dependents: readonly BlastDependent[];
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function byOwner(dependents: readonly BlastDependent[]): Map<string, BlastDependent[]> {
  const groups = new Map<string, BlastDependent[]>();
  for (const d of dependents) {
    const key = d.owner ?? '(no package)';
    let list = groups.get(key);
    if (list === undefined) groups.set(key, (list = []));
    list.push(d);
  }
  // Packages by name; files no package owns (copied in by a Dockerfile, often the app itself) last.
  return new Map(
    [...groups].sort(([a], [b]) =>
      a === '(no package)' ? 1 : b === '(no package)' ? -1 : a.localeCompare(b, 'en'),
    ),
  );
}

function imageBlock(query: string, image: BlastRadiusImage, lines: string[]): void {
  const label = image.names.length > 0 ? image.names.join(', ') : shortDigest(image.id);
  lines.push(`${image.archive}: ${label} (${shortDigest(image.id)})`);
  if (!image.affected) {
    lines.push(`  unaffected: no library of ${query} in the image`, '');
    return;
  }
  lines.push(`  REBUILD ${image.names.length > 0 ? image.names.join(' ') : image.id}`);
  const what = image.match === 'package' ? `libraries of ${query}` : `libraries named ${query}`;
  lines.push(`  ${what}:`, ...image.libraries.map((p) => `    ${p}`));
  if (image.dependents.length === 0) {
    lines.push('  nothing in the image loads them', '');
    return;
  }
  const files = image.dependents.length === 1 ? '1 file' : `${image.dependents.length} files`;
  lines.push(`  loaded by ${files}:`);
  for (const [owner, list] of byOwner(image.dependents)) {
    lines.push(`    ${owner}:`);
    for (const d of list) lines.push(`      ${d.path} (${d.kind}) via ${d.via.map(basename).join(' -> ')}`);
  }
  lines.push('');
}

export function formatBlastRadius(
  query: string,
  images: readonly BlastRadiusImage[],
  rebuild: readonly string[],
): string {
  const lines: string[] = [];
  for (const image of images) imageBlock(query, image, lines);
  lines.push(
    rebuild.length > 0 ? `rebuild: ${rebuild.join(' ')}` : `rebuild: nothing (no image holds ${query})`,
  );
  return lines.map((l) => `${l}\n`).join('');
}
