import type { ImageFs } from '../model/image-fs';
import { indexLdSoCache, type CacheIndex, type TargetMachine } from './cache-lookup';
import { ElfStore } from './elf-store';
import { parseLdSoCache, type LdSoCacheResult } from './ld-so-cache';
import type { LoaderSettings } from './link-types';
import { readGlibcLoaderInfo, type GlibcLoaderInfo } from './loader-info';

const MAX_CACHE_BYTES = 64 * 1024 * 1024;
const MAX_PRELOAD_BYTES = 64 * 1024;

/**
 * Everything one image's loads share: parsed ELFs, the parsed ld.so.cache, what each ld.so says about itself,
 * /etc/ld.so.preload and the settings. Create one per image (and setting change), then load many executables.
 */
export class LinkageContext {
  readonly store: ElfStore;
  private cache: Promise<LdSoCacheResult | undefined> | undefined;
  private readonly indexes = new Map<string, Promise<CacheIndex | undefined>>();
  private readonly loaders = new Map<string, Promise<GlibcLoaderInfo>>();
  private preload: Promise<string[]> | undefined;

  constructor(
    readonly fs: ImageFs,
    readonly settings: LoaderSettings = {},
  ) {
    this.store = new ElfStore(fs);
  }

  /** The value of a variable from the image Env, undefined when unset. */
  env(name: string): string | undefined {
    const prefix = `${name}=`;
    const hit = this.settings.env?.find((e) => e.startsWith(prefix));
    return hit?.slice(prefix.length);
  }

  get workingDir(): string {
    return this.settings.workingDir === undefined || this.settings.workingDir === ''
      ? '/'
      : this.settings.workingDir;
  }

  get hwcaps(): readonly string[] {
    return this.settings.hwcaps ?? [];
  }

  /** The image's /etc/ld.so.cache, parsed once; undefined when absent. */
  ldSoCache(littleEndian: boolean): Promise<LdSoCacheResult | undefined> {
    this.cache ??= this.fs
      .read('/etc/ld.so.cache', 0, MAX_CACHE_BYTES)
      .then((bytes) => (bytes === undefined ? undefined : parseLdSoCache(bytes, littleEndian)));
    return this.cache;
  }

  cacheIndex(target: TargetMachine): Promise<CacheIndex | undefined> {
    const key = `${target.machine}/${target.class}/${target.littleEndian}/${target.flags}`;
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.ldSoCache(target.littleEndian).then((cache) =>
        cache === undefined || 'error' in cache ? undefined : indexLdSoCache(cache, target, this.hwcaps),
      );
      this.indexes.set(key, index);
    }
    return index;
  }

  glibcLoader(interpreter: string, is64: boolean): Promise<GlibcLoaderInfo> {
    let info = this.loaders.get(interpreter);
    if (info === undefined) {
      info = readGlibcLoaderInfo(this.fs, interpreter, is64);
      this.loaders.set(interpreter, info);
    }
    return info;
  }

  /** Names from /etc/ld.so.preload (separated by spaces, tabs, colons or newlines, as rtld.c splits them). */
  preloadFile(): Promise<string[]> {
    this.preload ??= this.fs.read('/etc/ld.so.preload', 0, MAX_PRELOAD_BYTES).then((bytes) =>
      bytes === undefined
        ? []
        : new TextDecoder()
            .decode(bytes)
            .split(/[\s:]+/)
            .filter((n) => n !== ''),
    );
    return this.preload;
  }
}
