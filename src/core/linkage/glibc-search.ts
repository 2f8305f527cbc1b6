import { DF_1_NODEFLIB } from '../elf/elf-constants';
import type { ElfFile } from '../elf/elf-types';
import type { CacheIndex, TargetMachine } from './cache-lookup';
import { verifyCandidate } from './candidate-check';
import type { LinkMap } from './link-map';
import type { FoundVia } from './link-types';
import type { LinkageContext } from './linkage-context';
import { absolutePath, dirname, expandTokens, glibcPathList, joinDir, type TokenValues } from './path-tokens';

export type SearchOutcome =
  | {
      readonly kind: 'found';
      readonly path: string;
      readonly realPath: string;
      readonly elf: ElfFile;
      readonly via: FoundVia;
      readonly cpuDependent: boolean;
    }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'fatal'; readonly path: string; readonly message: string };

export interface GlibcSearchEnv {
  readonly ctx: LinkageContext;
  readonly target: TargetMachine;
  readonly main: LinkMap;
  readonly systemDirs: readonly string[];
  readonly cache: CacheIndex | undefined;
  readonly libToken: string | undefined;
  readonly platform: string | undefined;
  /** LD_LIBRARY_PATH from the image Env, split with ':' and ';' (tokens expanded against the main program). */
  readonly libraryPath: readonly string[];
}

const NOT_FOUND: SearchOutcome = { kind: 'not-found' };

export function tokenValues(env: GlibcSearchEnv, map: LinkMap): TokenValues {
  return { origin: map.origin, lib: env.libToken, platform: env.platform };
}

/** Open one candidate path and apply open_verify; `undefined` = skipped (absent, wrong class or machine). */
async function tryPath(
  env: GlibcSearchEnv,
  path: string,
  via: FoundVia,
  cpuDependent: boolean,
): Promise<SearchOutcome | undefined> {
  const stored = await env.ctx.store.get(absolutePath(path, env.ctx.workingDir));
  const verdict = verifyCandidate(stored.elf, env.target);
  if (verdict.kind === 'skip' || stored.realPath === undefined) return undefined;
  if (verdict.kind === 'fatal') return { kind: 'fatal', path, message: verdict.message };
  if (!stored.elf.ok) return undefined;
  return { kind: 'found', path, realPath: stored.realPath, elf: stored.elf, via, cpuDependent };
}

/** open_path: every directory, its glibc-hwcaps (then legacy) subdirectories first, then the directory itself. */
async function searchDirs(
  env: GlibcSearchEnv,
  dirs: readonly string[],
  name: string,
  via: FoundVia,
): Promise<SearchOutcome | undefined> {
  for (const dir of dirs) {
    for (const level of env.ctx.hwcaps) {
      const hit = await tryPath(env, joinDir(`${dir}/glibc-hwcaps/${level}`, name), via, true);
      if (hit !== undefined) return hit;
    }
    for (const sub of env.ctx.settings.legacySubdirs ?? []) {
      const hit = await tryPath(env, joinDir(`${dir}/${sub}`, name), via, true);
      if (hit !== undefined) return hit;
    }
    const hit = await tryPath(env, joinDir(dir, name), via, false);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function rpathDirs(env: GlibcSearchEnv, map: LinkMap): string[] | undefined {
  const dyn = map.elf?.dynamic;
  // get-dynamic-info.h: with DT_RUNPATH present, DT_RPATH is ignored.
  if (dyn?.rpath === undefined || dyn.runpath !== undefined) return undefined;
  return glibcPathList(dyn.rpath, tokenValues(env, map));
}

/** `_dl_map_object`'s search for a name without "/" (elf/dl-load.c), in glibc's order. */
export async function searchGlibc(
  env: GlibcSearchEnv,
  name: string,
  loader: LinkMap,
): Promise<SearchOutcome> {
  const loaderDyn = loader.elf?.dynamic;
  if (loaderDyn?.runpath === undefined) {
    let didMain = false;
    for (let l: LinkMap | undefined = loader; l !== undefined; l = l.loader) {
      const dirs = rpathDirs(env, l);
      if (dirs === undefined) continue;
      const hit = await searchDirs(env, dirs, name, 'rpath');
      if (hit !== undefined) return hit;
      didMain ||= l === env.main;
    }
    const mainDirs = didMain ? undefined : rpathDirs(env, env.main);
    if (mainDirs !== undefined) {
      const hit = await searchDirs(env, mainDirs, name, 'rpath');
      if (hit !== undefined) return hit;
    }
  }
  const fromEnv = await searchDirs(env, env.libraryPath, name, 'ld_library_path');
  if (fromEnv !== undefined) return fromEnv;
  if (loaderDyn?.runpath !== undefined) {
    const dirs = glibcPathList(loaderDyn.runpath, tokenValues(env, loader));
    const hit = await searchDirs(env, dirs, name, 'runpath');
    if (hit !== undefined) return hit;
  }
  const nodeflib = ((loader.elf?.dynamic?.flags1 ?? 0) & DF_1_NODEFLIB) !== 0;
  const cached = env.cache?.lookup(name);
  if (cached !== undefined && !(nodeflib && env.systemDirs.some((d) => cached.path.startsWith(`${d}/`)))) {
    const hit = await tryPath(env, cached.path, 'cache', cached.hwcapsSubdir !== undefined);
    if (hit !== undefined) return hit;
  }
  if (nodeflib) return NOT_FOUND;
  return (await searchDirs(env, env.systemDirs, name, 'default')) ?? NOT_FOUND;
}

/** A DT_NEEDED with "/": tokens expanded, then opened as is (relative to the working directory). */
export async function openDirect(env: GlibcSearchEnv, name: string, loader: LinkMap): Promise<SearchOutcome> {
  const path = expandTokens(name, tokenValues(env, loader));
  if (path === undefined || path === '') return NOT_FOUND;
  return (await tryPath(env, path, 'direct', false)) ?? NOT_FOUND;
}

/** $ORIGIN of a library: the directory of the path it was opened from, made absolute, never normalised. */
export function originOf(path: string, cwd: string): string {
  const dir = dirname(path);
  return path.startsWith('/') ? dir : joinDir(cwd, dir === '.' ? '' : dir).replace(/\/$/, '') || '/';
}
