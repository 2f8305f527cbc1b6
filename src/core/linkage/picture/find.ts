/**
 * Which object a user means: a path (as given, or the real file behind it), a SONAME or a file name. Several
 * objects may match a name (a search for "ssl"); none may, and then the closest names are offered.
 */
import { basename } from './source';
import type { PictureObject, PictureSource } from './picture-types';

export type FindResult =
  { readonly ok: true; readonly key: string } | { readonly ok: false; readonly closest: readonly string[] };

/** Objects whose path, SONAME or file name contains `query` (case-insensitive), exact matches first. */
export function searchObjects(source: PictureSource, query: string): PictureObject[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const score = (o: PictureObject) => {
    const name = basename(o.key).toLowerCase();
    const label = o.label.toLowerCase();
    if (o.key.toLowerCase() === q || label === q || name === q) return 0;
    if (label.startsWith(q) || name.startsWith(q)) return 1;
    return 2;
  };
  return source.objects
    .filter((o) => o.key.toLowerCase().includes(q) || o.label.toLowerCase().includes(q))
    .map((o) => ({ o, s: score(o) }))
    .sort(
      (a, b) =>
        a.s - b.s ||
        (a.o.kind === 'exe' ? 0 : 1) - (b.o.kind === 'exe' ? 0 : 1) ||
        (a.o.key < b.o.key ? -1 : 1),
    )
    .map(({ o }) => o);
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The object named by `path` (already resolved through symlinks by the caller when it could be) or by a
 * SONAME / file name; otherwise the three closest names, by edit distance of the file name.
 */
export function findObject(source: PictureSource, path: string, realPath: string | null = null): FindResult {
  const byKey = new Map(source.objects.map((o) => [o.key, o]));
  for (const candidate of [path, realPath])
    if (candidate !== null && byKey.has(candidate)) return { ok: true, key: candidate };
  if (!path.includes('/')) {
    const named = source.objects.filter(
      (o) => o.kind !== 'missing' && (o.label === path || basename(o.key) === path),
    );
    if (named[0] !== undefined) return { ok: true, key: named[0].key };
  }
  const want = basename(path).toLowerCase();
  // Names containing what was asked come first (libcurl.so.4 for "curl"), then the fewest edits.
  const ranked = source.objects
    .filter((o) => o.kind !== 'missing')
    .map((o) => {
      const names = [o.label.toLowerCase(), basename(o.key).toLowerCase()];
      const contains = names.some((n) => n.includes(want) || want.includes(n)) ? 0 : 1;
      return { o, contains, d: Math.min(...names.map((n) => distance(want, n))) };
    })
    .sort((a, b) => a.contains - b.contains || a.d - b.d || (a.o.key < b.o.key ? -1 : 1));
  return {
    ok: false,
    closest: ranked.slice(0, 3).map(({ o }) => (o.kind === 'exe' ? o.key : `${o.label} (${o.key})`)),
  };
}
