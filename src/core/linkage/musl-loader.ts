import type { ElfFile } from '../elf/elf-types';
import { imageFileReader } from '../elf/parse-elf';
import type { LoadedLibrary, LoadResult } from './link-types';
import type { LinkageContext } from './linkage-context';
import { absolutePath, dirname, joinDir, muslPathList } from './path-tokens';
import { findUndefinedSymbols, type ScopeObject } from './symbol-check';

const RESERVED = ['c', 'pthread', 'rt', 'm', 'dl', 'util', 'xnet'];
const DEFAULT_SYS_PATH = '/lib:/usr/local/lib:/usr/lib';
const MAX_OBJECTS = 4096;

interface Dso {
  readonly name: string;
  readonly path: string;
  readonly realPath: string | undefined;
  readonly elf: ElfFile | undefined;
  readonly neededBy: Dso | undefined;
  readonly requesters: Dso[];
  shortname: string | undefined;
  readonly isLdso: boolean;
  readonly via: LoadedLibrary['foundVia'];
}

/** "libc.so", "libm.so.6", "libc.musl-x86_64.so.1" → "c", "m", "c": names musl resolves to itself. */
function reservedStem(name: string): string | undefined {
  if (!name.startsWith('lib')) return undefined;
  return RESERVED.find((stem) => name.startsWith(`lib${stem}.`));
}

async function systemPath(ctx: LinkageContext, ldso: string, arch: string | undefined): Promise<string[]> {
  // dynlink.c: the path file sits at "<ldso path minus its last two components>/etc/ld-musl-$ARCH.path".
  const prefix = ldso.startsWith('/') ? dirname(dirname(ldso)) : '';
  const file = `${prefix === '/' ? '' : prefix}/etc/ld-musl-${arch ?? 'unknown'}.path`;
  const bytes = await ctx.fs.read(file, 0, 65536);
  const text = bytes === undefined ? DEFAULT_SYS_PATH : new TextDecoder().decode(bytes);
  return text.split(/[:\n]/).filter((d) => d !== '');
}

/** musl's load_library / load_deps (ldso/dynlink.c) in `ld-musl --list` mode. */
export async function loadMusl(
  ctx: LinkageContext,
  path: string,
  realPath: string,
  main: ElfFile,
  ldso: string,
  arch: string | undefined,
): Promise<LoadResult> {
  const sysPath = await systemPath(ctx, ldso, arch);
  const llp = ctx.env('LD_LIBRARY_PATH');
  const envPath = llp === undefined ? [] : llp.split(/[:\n]/).filter((d) => d !== '');
  const app: Dso = {
    name: path,
    path,
    realPath,
    elf: main,
    neededBy: undefined,
    requesters: [],
    shortname: undefined,
    isLdso: false,
    via: null,
  };
  const self: Dso = {
    ...app,
    name: ldso,
    path: ldso,
    realPath: (await ctx.store.get(ldso)).realPath,
    elf: undefined,
    requesters: [],
    isLdso: true,
    via: 'loaded',
  };
  const list: Dso[] = [app];
  const printed: LoadedLibrary[] = [];
  const messages: string[] = [];
  const reported = new Set<string>();

  function rpathOf(dso: Dso): string[] {
    const dyn = dso.elf?.dynamic;
    const raw = dyn?.runpath ?? dyn?.rpath;
    return raw === undefined ? [] : muslPathList(raw, dirname(dso.path));
  }

  async function open(dirs: readonly string[], name: string) {
    for (const dir of dirs) {
      const candidate = joinDir(dir, name);
      const stored = await ctx.store.get(absolutePath(candidate, ctx.workingDir));
      if (stored.realPath !== undefined && (stored.elf.ok || stored.elf.code !== 'unreadable')) {
        return { path: candidate, stored };
      }
    }
    return undefined;
  }

  async function loadLibrary(name: string, requester: Dso): Promise<Dso | undefined> {
    const stem = reservedStem(name);
    if (stem !== undefined || name === ldso) {
      if (stem !== undefined && !reported.has(stem)) {
        reported.add(stem);
        printed.push(entry(name, self, 'loaded'));
      }
      if (!list.includes(self)) list.push(self);
      return self;
    }
    let found: { path: string; stored: Awaited<ReturnType<typeof ctx.store.get>> } | undefined;
    let via: LoadedLibrary['foundVia'] = 'direct';
    if (name.includes('/')) {
      const stored = await ctx.store.get(absolutePath(name, ctx.workingDir));
      if (stored.realPath !== undefined) found = { path: name, stored };
    } else {
      const byName = list.find((d) => d.shortname === name);
      if (byName !== undefined) return byName;
      found = await open(envPath, name);
      via = 'ld_library_path';
      for (let d: Dso | undefined = requester; found === undefined && d !== undefined; d = d.neededBy) {
        found = await open(rpathOf(d), name);
        via = d.elf?.dynamic?.runpath !== undefined ? 'runpath' : 'rpath';
      }
      if (found === undefined) {
        found = await open(sysPath, name);
        via = 'default';
      }
    }
    if (found === undefined || !found.stored.elf.ok || list.length >= MAX_OBJECTS) return undefined;
    const same = list.find((d) => d.realPath === found.stored.realPath);
    if (same !== undefined) {
      if (same.shortname === undefined && found.path !== name) same.shortname = basename(same.path);
      return same;
    }
    const dso: Dso = {
      name,
      path: found.path,
      realPath: found.stored.realPath,
      elf: found.stored.elf,
      neededBy: requester,
      requesters: [],
      shortname: found.path !== name ? basename(found.path) : undefined,
      isLdso: false,
      via,
    };
    list.push(dso);
    printed.push(entry(name, dso, via));
    return dso;
  }

  for (let i = 0; i < list.length; i++) {
    const dso = list[i]!;
    for (const name of dso.elf?.dynamic?.needed ?? []) {
      const dep = await loadLibrary(name, dso);
      if (dep === undefined) {
        messages.push(
          `Error loading shared library ${name}: No such file or directory (needed by ${dso.path})`,
        );
        printed.push({ ...entry(name, undefined, null), neededBy: [dso.path] });
      } else dep.requesters.push(dso);
    }
  }
  const notes: string[] = [];
  const scope: ScopeObject[] = [];
  for (const dso of list) {
    const elf = dso.isLdso ? await ctx.store.get(ldso) : undefined;
    const file = dso.isLdso ? (elf?.elf.ok ? elf.elf : undefined) : dso.elf;
    const real = dso.isLdso ? elf?.realPath : dso.realPath;
    if (file === undefined || real === undefined) {
      notes.push(`${dso.path} is not readable: symbols were not checked`);
      scope.length = 0;
      break;
    }
    scope.push({ path: dso.path, names: [dso.name], elf: file, reader: imageFileReader(ctx.fs, real) });
  }
  // do_relocs reports each symbol no loaded object defines; musl ignores symbol versions.
  const undefinedSymbols = await findUndefinedSymbols(scope, false);
  for (const miss of undefinedSymbols) {
    messages.push(`Error relocating ${miss.object}: ${miss.name}: symbol not found`);
  }
  for (const lib of printed) {
    const dso = lib.path === ldso ? self : list.find((d) => d.path === lib.path);
    if (dso !== undefined) (lib.neededBy as string[]).push(...dso.requesters.map((r) => r.path));
  }
  return {
    path,
    realPath,
    flavor: 'musl',
    interpreter: main.interpreter ?? null,
    status: 'dynamic',
    libraries: printed,
    versions: [],
    messages,
    fatal: null,
    notes,
    undefinedSymbols,
    relocationAborted: false,
  };
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function entry(name: string, dso: Dso | undefined, via: LoadedLibrary['foundVia']): LoadedLibrary {
  return {
    name,
    path: dso?.path ?? null,
    realPath: dso?.realPath ?? null,
    foundVia: dso === undefined ? null : via,
    neededBy: [],
    kind: dso?.isLdso ? 'interpreter' : 'library',
    cpuDependent: false,
  };
}
