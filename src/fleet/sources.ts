/**
 * What `strata index` is given: archives, directories of archives (recursively), and images in a
 * registry (`docker://HOST[:PORT]/REPO[:TAG|@DIGEST]`). A directory is expanded to the archives in it,
 * in path order, so the same directory always lists its images in the same order.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export type Source =
  | { readonly kind: 'archive'; readonly path: string }
  | { readonly kind: 'registry'; readonly reference: string };

/** The names strata treats as image archives inside a directory. */
const ARCHIVE_NAME = /\.(tar|tar\.gz|tgz|tar\.zst|tar\.zstd|oci)$/i;

export const REGISTRY_PREFIX = 'docker://';

async function archivesIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) found.push(...(await archivesIn(path)));
    else if (e.isFile() && ARCHIVE_NAME.test(e.name)) found.push(path);
  }
  return found;
}

/** One problem per argument that names nothing usable; the rest are expanded. */
export interface ExpandedSources {
  readonly sources: readonly Source[];
  readonly failures: readonly { readonly source: string; readonly message: string }[];
}

export async function expandSources(args: readonly string[]): Promise<ExpandedSources> {
  const sources: Source[] = [];
  const failures: { source: string; message: string }[] = [];
  for (const arg of args) {
    if (arg.startsWith(REGISTRY_PREFIX)) {
      sources.push({ kind: 'registry', reference: arg });
      continue;
    }
    const path = resolve(arg);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) failures.push({ source: arg, message: `${arg}: no such file or directory.` });
    else if (info.isDirectory()) {
      const found = await archivesIn(path);
      if (found.length === 0)
        failures.push({
          source: arg,
          message: `${arg}: the directory holds no image archive (.tar, .tar.gz, .tar.zst).`,
        });
      sources.push(...found.map((p) => ({ kind: 'archive' as const, path: p })));
    } else sources.push({ kind: 'archive', path });
  }
  return { sources, failures };
}

/** How a source is named in the index: the archive's absolute path, or the registry reference as given. */
export function sourceName(source: Source): string {
  return source.kind === 'archive' ? source.path : source.reference;
}
