import type { LoadResult } from './link-types';

export interface LddFormatOptions {
  /** `ldd -v`: add the version block. */
  readonly verbose?: boolean;
  /** `ldd -r`: add the undefined symbols (the result must come from a load with checkSymbols). */
  readonly relocations?: boolean;
}

/**
 * The text `LC_ALL=C ldd [-v] [-r] PATH` prints, without the ` (0x…)` load addresses and the linux-vdso line
 * (elf/rtld.c trace mode, the ldd script). glibc's messages all reach ldd's stdout in this order; for musl
 * (`ld-musl --list`) the stderr lines (load and relocation errors) follow the stdout lines.
 */
export function formatLdd(result: LoadResult, options: LddFormatOptions = {}): string {
  const lines: string[] = [];
  if (result.status === 'not-dynamic') return '\tnot a dynamic executable\n';
  if (result.status === 'fatal' && result.fatal !== null) {
    return `${result.path}: error while loading shared libraries: ${result.fatal.path}: ${result.fatal.message}\n`;
  }
  if (result.status === 'static') lines.push('\tstatically linked');
  if (result.flavor === 'musl') {
    lines.push(`\t${result.interpreter ?? ''}`);
    for (const lib of result.libraries) {
      if (lib.path !== null) lines.push(`\t${lib.name} => ${lib.path}`);
    }
    lines.push(...result.messages);
    return lines.map((l) => `${l}\n`).join('');
  }
  lines.push(...result.messages);
  for (const lib of result.libraries) {
    if (lib.path === null) lines.push(`\t${lib.name} => not found`);
    else if (lib.name === lib.path) lines.push(`\t${lib.name}`);
    else lines.push(`\t${lib.name} => ${lib.path}`);
  }
  if (options.relocations === true) {
    for (const s of result.undefinedSymbols ?? []) {
      const version = s.version === undefined ? '' : `, version ${s.version}`;
      lines.push(`undefined symbol: ${s.name}${version}\t(${s.object})`);
    }
  }
  if (options.verbose === true && result.versions.length > 0) {
    lines.push('', '\tVersion information:');
    let current: string | undefined;
    for (const v of result.versions) {
      if (v.file !== current) {
        lines.push(`\t${v.file}:`);
        current = v.file;
      }
      const weak = v.weak ? '[WEAK] ' : '';
      lines.push(`\t\t${v.library} (${v.version}) ${weak}=> ${v.providerPath ?? 'not found'}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** ldd's exit status: 1 for a file it cannot list or a fatal load error, else 0 (musl: 127 after any error). */
export function lddExitCode(result: LoadResult): number {
  if (result.status === 'not-dynamic' || result.status === 'fatal') return 1;
  if (result.flavor === 'musl' && result.messages.length > 0) return 127;
  if (result.relocationAborted) return 1;
  return 0;
}

/** Version of the JSON below; bump on any change that is not a pure addition. */
export const LDD_JSON_VERSION = 1;

export interface LddJson {
  readonly version: number;
  readonly path: string;
  readonly interpreter: string | null;
  readonly status: LoadResult['status'];
  readonly libraries: readonly {
    readonly name: string;
    readonly path: string | null;
    readonly realPath: string | null;
    readonly foundVia: string | null;
    readonly neededBy: readonly string[];
  }[];
  readonly versions: readonly {
    readonly file: string;
    readonly library: string;
    readonly version: string;
    readonly found: boolean;
  }[];
  readonly errors: readonly string[];
}

/** The CLI's JSON form; the keys path, interpreter, libraries[], versions[] are a contract (add, never rename). */
export function toLddJson(result: LoadResult): LddJson {
  return {
    version: LDD_JSON_VERSION,
    path: result.path,
    interpreter: result.interpreter,
    status: result.status,
    libraries: result.libraries.map((l) => ({
      name: l.name,
      path: l.path,
      realPath: l.realPath,
      foundVia: l.foundVia,
      neededBy: l.neededBy,
    })),
    versions: result.versions.map((v) => ({
      file: v.file,
      library: v.library,
      version: v.version,
      found: v.found,
    })),
    errors: [...result.messages, ...(result.fatal ? [`${result.fatal.path}: ${result.fatal.message}`] : [])],
  };
}
