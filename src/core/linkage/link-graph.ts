import { DF_1_PIE, ET_EXEC } from '../elf/elf-constants';
import type { ElfFile } from '../elf/elf-types';
import { hasElfMagic } from '../model/content-kind';
import type { ImageFs } from '../model/image-fs';
import { throwIfAborted } from '../io/byte-source';
import type { FoundVia, LoaderSettings, LoadResult, LinkResolveOptions } from './link-types';
import { LinkageContext } from './linkage-context';
import { loadExecutable } from './load-executable';

export type LinkNodeKind = 'exe' | 'lib' | 'interpreter';

export interface LinkNode {
  /** The file's path in the image (a real file: symlinks are not nodes). */
  readonly path: string;
  readonly kind: LinkNodeKind;
  readonly soname: string | undefined;
  readonly interpreter: string | undefined;
  readonly needed: readonly string[];
}

/** `from` loads `to` because one of its DT_NEEDED entries (`name`) resolved to it in some process. */
export interface LinkEdge {
  readonly from: string;
  readonly to: string;
  readonly name: string;
  readonly foundVia: FoundVia;
}

export interface UnresolvedLink {
  readonly from: string;
  readonly name: string;
  /** "not found", or glibc's fatal message for the candidate that stopped the load. */
  readonly reason: string;
}

export interface LinkGraph {
  readonly nodes: readonly LinkNode[];
  readonly edges: readonly LinkEdge[];
  readonly unresolved: readonly UnresolvedLink[];
  /** One load per executable (by path), and per library no executable reached. */
  readonly loads: ReadonlyMap<string, LoadResult>;
}

const SKIP_DIRS = new Set(['/proc', '/sys', '/dev']);
const MAX_FILES = 500_000;

/** Every regular file with the ELF magic, in path order. */
async function findElfFiles(fs: ImageFs, options: LinkResolveOptions): Promise<string[]> {
  // A view that holds the whole tree lists its files at once: no path is looked up twice.
  const files = fs.regularFiles?.(SKIP_DIRS, MAX_FILES);
  if (files !== undefined) {
    const found: string[] = [];
    for (const [i, file] of files.entries()) {
      if (i % 1024 === 0) {
        throwIfAborted(options.signal);
        options.onProgress?.({ stage: 'finding', done: found.length, total: 0 });
      }
      if (file.size < 52) continue;
      // Kept heads answer at once: a promise per file of the image costs more than the check itself.
      const head = file.peek?.(0, 4) ?? (await file.read(0, 4));
      if (head !== undefined && hasElfMagic(head)) found.push(file.path);
    }
    return found.sort();
  }
  const found: string[] = [];
  const pending = ['/'];
  let seen = 0;
  while (pending.length > 0 && seen < MAX_FILES) {
    const dir = pending.pop()!;
    throwIfAborted(options.signal);
    options.onProgress?.({ stage: 'finding', done: found.length, total: 0 });
    for (const name of (await fs.list(dir)) ?? []) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const node = await fs.lstat(path);
      seen++;
      if (node?.kind === 'dir' && !SKIP_DIRS.has(path)) pending.push(path);
      if (node?.kind !== 'file' || node.size < 52) continue;
      const head = await fs.read(path, 0, 4);
      if (head !== undefined && hasElfMagic(head)) found.push(path);
    }
  }
  return found.sort();
}

function isExecutable(elf: ElfFile): boolean {
  return (
    elf.interpreter !== undefined ||
    elf.header.type === ET_EXEC ||
    ((elf.dynamic?.flags1 ?? 0) & DF_1_PIE) !== 0
  );
}

/**
 * The whole image: one emulated process per executable (first load wins inside each), then the libraries no
 * executable reached, each loaded as ldd would load it. Edges are the union over all processes.
 */
export async function resolveLinkGraph(
  fs: ImageFs,
  settings: LoaderSettings = {},
  options: LinkResolveOptions = {},
): Promise<LinkGraph> {
  const { signal, onProgress } = options;
  const ctx = new LinkageContext(fs, settings);
  const files = await findElfFiles(fs, options);
  const elves = new Map<string, ElfFile>();
  for (const [i, path] of files.entries()) {
    throwIfAborted(signal);
    onProgress?.({ stage: 'reading', done: i, total: files.length });
    const stored = await ctx.store.get(path);
    if (stored.elf.ok) elves.set(path, stored.elf);
  }
  const interpreters = new Set<string>();
  for (const elf of elves.values()) {
    if (elf.interpreter === undefined) continue;
    const real = (await ctx.store.get(elf.interpreter)).realPath;
    if (real !== undefined) interpreters.add(real);
  }
  const nodes: LinkNode[] = [...elves].map(([path, elf]) => ({
    path,
    kind: interpreters.has(path) ? 'interpreter' : isExecutable(elf) ? 'exe' : 'lib',
    soname: elf.dynamic?.soname,
    interpreter: elf.interpreter,
    needed: elf.dynamic?.needed ?? [],
  }));
  const loads = new Map<string, LoadResult>();
  const reached = new Set<string>();
  const collector = new EdgeCollector();
  const runnable = nodes.filter((n) => n.kind !== 'interpreter' && elves.get(n.path)?.dynamic).length;
  let done = 0;
  const run = async (path: string) => {
    throwIfAborted(signal);
    onProgress?.({ stage: 'resolving', done: done++, total: runnable });
    const result = await loadExecutable(ctx, path);
    loads.set(path, result);
    collector.add(result);
    for (const lib of result.libraries) if (lib.realPath !== null) reached.add(lib.realPath);
  };
  for (const node of nodes) if (node.kind === 'exe' && elves.get(node.path)?.dynamic) await run(node.path);
  for (const node of nodes) {
    if (node.kind !== 'lib' || !elves.get(node.path)?.dynamic) continue;
    // A library an executable already reached counts as done without a load of its own.
    if (reached.has(node.path)) done++;
    else await run(node.path);
  }
  return { nodes, edges: collector.edges, unresolved: collector.unresolved, loads };
}

class EdgeCollector {
  readonly edges: LinkEdge[] = [];
  readonly unresolved: UnresolvedLink[] = [];
  private readonly seen = new Set<string>();

  add(result: LoadResult): void {
    const realOf = new Map<string, string>();
    if (result.realPath !== null) realOf.set(result.path, result.realPath);
    for (const lib of result.libraries) {
      if (lib.path !== null && lib.realPath !== null) realOf.set(lib.path, lib.realPath);
    }
    const fatal = result.fatal;
    const main = result.realPath;
    if (fatal !== null && main !== null) {
      // The load stopped here: the requester of the failing name is not recorded, the program is.
      this.push(`!${main}|${fatal.name}`, () =>
        this.unresolved.push({ from: main, name: fatal.name, reason: `${fatal.path}: ${fatal.message}` }),
      );
    }
    for (const lib of result.libraries) {
      for (const requester of lib.neededBy) {
        const from = realOf.get(requester) ?? requester;
        if (lib.realPath === null || lib.foundVia === null) {
          this.push(`?${from}|${lib.name}`, () =>
            this.unresolved.push({ from, name: lib.name, reason: 'not found' }),
          );
        } else {
          const to = lib.realPath;
          const via = lib.foundVia;
          this.push(`${from}|${lib.name}|${to}`, () =>
            this.edges.push({ from, to, name: lib.name, foundVia: via }),
          );
        }
      }
    }
  }

  private push(key: string, add: () => void): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    add();
  }
}
