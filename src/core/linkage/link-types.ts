/** What the loader emulation reports: per executable (ldd's view) and for the whole image (the graph). */

/**
 * How a library was found: the step of the search (docs/linkage.md#search-order, or musl's order) that ended
 * it.
 */
export type FoundVia = 'rpath' | 'runpath' | 'ld_library_path' | 'cache' | 'default' | 'loaded' | 'direct';

export type LoaderFlavor = 'glibc' | 'musl';

export interface LoadedLibrary {
  /** The first name the object was requested under (ldd's left column). */
  readonly name: string;
  /** The path as opened (ldd's right column, not a realpath); null when not found. */
  readonly path: string | null;
  readonly realPath: string | null;
  /** null when not found. */
  readonly foundVia: FoundVia | null;
  /** Paths (as opened) of the objects whose DT_NEEDED named this one, in load order. */
  readonly neededBy: readonly string[];
  readonly kind: 'library' | 'interpreter' | 'preload';
  /** Found in a glibc-hwcaps subdirectory or through a hwcaps cache entry: depends on the CPU level setting. */
  readonly cpuDependent: boolean;
}

export interface VersionCheck {
  /** The requiring object, as ldd prints it in the version block (path as opened). */
  readonly file: string;
  /** The Verneed file name (a DT_NEEDED name). */
  readonly library: string;
  readonly version: string;
  readonly weak: boolean;
  readonly found: boolean;
  /** The providing object's path as opened, when found. */
  readonly providerPath: string | null;
}

export type LoadStatus =
  /** Dynamic with dependencies: the normal case. */
  | 'dynamic'
  /** Dynamic, nothing needed: ldd prints "statically linked". */
  | 'static'
  /** Not ELF, not dynamic or not for this loader: ldd prints "not a dynamic executable". */
  | 'not-dynamic'
  /** A candidate failed fatally (glibc open_verify): ldd prints only the error. */
  | 'fatal';

export interface LoadResult {
  /** The path as given. */
  readonly path: string;
  readonly realPath: string | null;
  readonly flavor: LoaderFlavor;
  /** The PT_INTERP path, null without one. */
  readonly interpreter: string | null;
  readonly status: LoadStatus;
  /** Objects in ldd order (main program excluded). */
  readonly libraries: readonly LoadedLibrary[];
  /** Every Vernaux of every loaded object, in ldd -v order. */
  readonly versions: readonly VersionCheck[];
  /** Lines glibc prints before the list (missing versions, "no version information available"). */
  readonly messages: readonly string[];
  /** For status "fatal": the DT_NEEDED name, the candidate that failed and glibc's message. */
  readonly fatal: { readonly name: string; readonly path: string; readonly message: string } | null;
  /** Things the emulation could not know or decide (settings that matter, unreadable files). */
  readonly notes: readonly string[];
  /**
   * Undefined symbols after relocation (`ldd -r`), in the order glibc reports them; null when not checked
   * (see LoadOptions.checkSymbols). musl always checks: its `--list` relocates.
   */
  readonly undefinedSymbols: readonly UndefinedSymbolRef[] | null;
  /** The symbol check stopped early, as glibc's does on a reference versioned against a missing file. */
  readonly relocationAborted: boolean;
}

export interface UndefinedSymbolRef {
  /** The object whose reference is unresolved, as the loader prints it. */
  readonly object: string;
  readonly name: string;
  readonly version: string | undefined;
}

export interface LoadOptions {
  /** Also run the `ldd -r` check (reads every loaded object's dynamic symbols). */
  readonly checkSymbols?: boolean;
}

export interface LoaderSettings {
  /** The image config's Env ("KEY=value"): LD_LIBRARY_PATH and LD_PRELOAD are honoured. */
  readonly env?: readonly string[];
  /** The image config's WorkingDir (relative path elements are relative to it); default "/". */
  readonly workingDir?: string;
  /**
   * glibc-hwcaps subdirectories the CPU supports, best first (e.g. ["x86-64-v3", "x86-64-v2"]); default none
   * (baseline CPU). Libraries found through them are flagged cpuDependent.
   */
  readonly hwcaps?: readonly string[];
  /**
   * Legacy hwcap subdirectories glibc ≤ 2.36 also tries in every search directory, after glibc-hwcaps and before
   * the directory itself; default none. Debian 12 on x86_64 (LD_DEBUG=libs):
   * ["tls/x86_64/x86_64", "tls/x86_64", "tls", "x86_64/x86_64", "x86_64"]. Hits are flagged cpuDependent.
   */
  readonly legacySubdirs?: readonly string[];
  /** AT_PLATFORM for $PLATFORM; default from the machine (x86_64, aarch64, i686 ...). */
  readonly platform?: string;
}

/** How far resolving the whole image's linkage is: the stage, and objects done of the stage's total. */
export interface LinkProgress {
  /** Finding the ELF files, reading their headers, emulating the loads, naming each object's package. */
  readonly stage: 'finding' | 'reading' | 'resolving' | 'owners';
  readonly done: number;
  /** 0 while the total is not known yet (finding). */
  readonly total: number;
}

export interface LinkResolveOptions {
  /** Checked between objects: a cancelled resolve throws `AbortedError`. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: LinkProgress) => void;
}
