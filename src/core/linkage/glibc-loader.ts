import type { ElfFile } from '../elf/elf-types';
import type { TargetMachine } from './cache-lookup';
import { searchGlibc, openDirect, originOf, type GlibcSearchEnv, type SearchOutcome } from './glibc-search';
import { versionBlock, versionMessages } from './glibc-versions';
import type { LinkMap } from './link-map';
import { nameMatches } from './link-map';
import type { LoadOptions, LoadResult } from './link-types';
import { relocationCheck } from './glibc-relocation';
import type { LinkageContext } from './linkage-context';
import { glibcAtLeast } from './loader-info';
import { dirname, glibcPathList } from './path-tokens';
import { defaultGlibcInterpreter, defaultPlatform, toLoadedLibrary } from './loader-common';

const MAX_OBJECTS = 4096;

interface Process {
  readonly env: GlibcSearchEnv;
  /** _ns_loaded without the interpreter: main, then objects in load order (faked ones included). */
  readonly chain: LinkMap[];
  readonly searchList: LinkMap[];
  readonly rtld: LinkMap;
}

type Fatal = { readonly name: string; readonly path: string; readonly message: string };
type MapOutcome = { readonly map: LinkMap } | { readonly fatal: Fatal };

function newMap(fields: Partial<LinkMap> & Pick<LinkMap, 'lName' | 'names' | 'kind'>): LinkMap {
  return {
    soname: undefined,
    realPath: undefined,
    elf: undefined,
    loader: undefined,
    faked: false,
    origin: undefined,
    foundVia: null,
    neededBy: [],
    cpuDependent: false,
    ...fields,
  };
}

/** `_dl_map_object`: reuse by name / SONAME first (faked entries never match), then search, then by realpath. */
async function mapObject(
  p: Process,
  name: string,
  loader: LinkMap,
  kind: LinkMap['kind'],
): Promise<MapOutcome> {
  for (let i = 0; i <= p.chain.length; i++) {
    const l = i < p.chain.length ? p.chain[i]! : p.rtld;
    if (l.faked) continue;
    if (nameMatches(l, name)) return { map: l };
    if (l.soname === name) {
      l.names.push(name);
      return { map: l };
    }
  }
  const outcome: SearchOutcome = name.includes('/')
    ? await openDirect(p.env, name, loader)
    : await searchGlibc(p.env, name, loader);
  if (outcome.kind === 'fatal') return { fatal: { name, path: outcome.path, message: outcome.message } };
  if (outcome.kind === 'not-found' || p.chain.length >= MAX_OBJECTS) {
    const faked = newMap({ lName: name, names: [name], kind, faked: true, loader });
    p.chain.push(faked);
    return { map: faked };
  }
  // Same file (dev/inode) as a loaded object: that object, with one more name.
  const same = p.chain.find((l) => !l.faked && l.kind !== 'main' && l.realPath === outcome.realPath);
  if (same !== undefined) {
    if (!same.names.includes(name)) same.names.push(name);
    return { map: same };
  }
  const map = newMap({
    lName: outcome.path,
    names: [name],
    kind,
    soname: outcome.elf.dynamic?.soname,
    realPath: outcome.realPath,
    elf: outcome.elf,
    loader,
    origin: originOf(outcome.path, p.env.ctx.workingDir),
    foundVia: outcome.via,
    cpuDependent: outcome.cpuDependent,
  });
  p.chain.push(map);
  return { map };
}

/**
 * One glibc process in ldd's trace mode (elf/rtld.c + elf/dl-deps.c): main program, preloads, then one
 * breadth-first walk of DT_NEEDED where the first load of a name wins for everybody after it.
 */
export async function loadGlibc(
  ctx: LinkageContext,
  path: string,
  realPath: string,
  main: ElfFile,
  target: TargetMachine,
  interpreterPath: string | undefined,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const interp = interpreterPath ?? defaultGlibcInterpreter(target);
  const info = await ctx.glibcLoader(interp, target.class === 64);
  const interpStored = await ctx.store.get(interp);
  const interpElf = interpStored.elf.ok ? interpStored.elf : undefined;
  const interpSoname = interpElf?.dynamic?.soname;
  const rtld = newMap({
    lName: interp,
    names: interpSoname !== undefined && interpSoname !== interp ? [interp, interpSoname] : [interp],
    kind: 'interpreter',
    soname: interpSoname,
    realPath: interpStored.realPath,
    elf: interpElf,
    foundVia: 'loaded',
  });
  const mainMap = newMap({
    lName: path,
    names: [path],
    kind: 'main',
    soname: main.dynamic?.soname,
    realPath,
    elf: main,
    origin: dirname(realPath),
  });
  const firstDir = info.systemDirs[0];
  const platform = ctx.settings.platform ?? defaultPlatform(target);
  const libToken = firstDir?.replace(/^\/+/, '');
  const llp = ctx.env('LD_LIBRARY_PATH');
  const env: GlibcSearchEnv = {
    ctx,
    target,
    main: mainMap,
    systemDirs: info.systemDirs,
    cache: await ctx.cacheIndex(target),
    libToken,
    platform,
    libraryPath: llp ? glibcPathList(llp, { origin: mainMap.origin, lib: libToken, platform }, /[:;]/) : [],
  };
  const p: Process = { env, chain: [mainMap], searchList: [mainMap], rtld };
  const notes: string[] = [];
  const preloads = [...(ctx.env('LD_PRELOAD') ?? '').split(/[ :]+/), ...(await ctx.preloadFile())];
  for (const name of preloads.filter((n) => n !== '')) {
    const outcome = await mapObject(p, name, mainMap, 'preload');
    if ('fatal' in outcome) return fatalResult(path, realPath, interpreterPath, outcome.fatal);
    if (outcome.map.faked) notes.push(`preload ${name} cannot be found: ld.so ignores it`);
    else if (!p.searchList.includes(outcome.map)) p.searchList.push(outcome.map);
  }
  for (let i = 0; i < p.searchList.length; i++) {
    const obj = p.searchList[i]!;
    const dyn = obj.elf?.dynamic;
    if (dyn === undefined) continue;
    for (const name of [...dyn.needed, ...dyn.filters, ...dyn.auxiliary]) {
      const outcome = await mapObject(p, name, obj, 'library');
      if ('fatal' in outcome) return fatalResult(path, realPath, interpreterPath, outcome.fatal);
      outcome.map.neededBy.push(obj);
      if (!outcome.map.faked && !p.searchList.includes(outcome.map)) p.searchList.push(outcome.map);
    }
  }
  const chain = placeInterpreter(p, glibcAtLeast(info.version, 2, 41));
  const relocation = options.checkSymbols ? await relocationCheck(ctx, chain, notes) : undefined;
  return {
    path,
    realPath,
    flavor: 'glibc',
    interpreter: interpreterPath ?? null,
    status: (main.dynamic?.needed.length ?? 0) === 0 && p.chain.length === 1 ? 'static' : 'dynamic',
    libraries: chain.slice(1).map((m) => toLoadedLibrary(m, mainMap)),
    versions: versionBlock(chain, p.searchList),
    messages: versionMessages(chain, p.searchList, path),
    fatal: null,
    notes,
    undefinedSymbols: relocation?.missing ?? null,
    relocationAborted: relocation?.aborted ?? false,
  };
}

/**
 * rtld.c puts ld.so back into the chain right after its predecessor in the search list (trace mode), and only
 * when some DT_NEEDED named it (glibc ≤ 2.40; later versions always list it).
 */
function placeInterpreter(p: Process, alwaysListed: boolean): LinkMap[] {
  const chain = [...p.chain];
  const at = p.searchList.indexOf(p.rtld);
  if (at > 0) {
    const predecessor = p.searchList[at - 1]!;
    chain.splice(chain.indexOf(predecessor) + 1, 0, p.rtld);
  } else if (alwaysListed) chain.push(p.rtld);
  return chain;
}

function fatalResult(
  path: string,
  realPath: string,
  interpreter: string | undefined,
  fatal: Fatal,
): LoadResult {
  return {
    path,
    realPath,
    flavor: 'glibc',
    interpreter: interpreter ?? null,
    status: 'fatal',
    libraries: [],
    versions: [],
    messages: [],
    fatal,
    notes: [],
    undefinedSymbols: null,
    relocationAborted: false,
  };
}
