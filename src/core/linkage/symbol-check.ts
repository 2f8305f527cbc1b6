import {
  EM_X86_64,
  SHN_UNDEF,
  STB_GLOBAL,
  STB_GNU_UNIQUE,
  STB_WEAK,
  VERSYM_HIDDEN,
} from '../elf/elf-constants';
import type { ByteReader, DynamicSymbol, ElfFile, SymbolRelocation } from '../elf/elf-types';
import { readSymbolRelocations } from '../elf/read-relocations';
import { readDynamicSymbols } from '../elf/read-symbols';

/** One object of a process, in global-scope order (main program first). */
export interface ScopeObject {
  /** The path the loader prints for it. */
  readonly path: string;
  /** Every name the object answers to (path, requested names, SONAME). */
  readonly names: readonly string[];
  readonly elf: ElfFile;
  readonly reader: ByteReader;
}

export interface UndefinedSymbol {
  readonly object: string;
  readonly name: string;
  /** The required version (glibc), undefined for an unversioned reference. */
  readonly version: string | undefined;
}

interface Definition {
  /** Verdef name of the definition's versym index; undefined without versym or for index 0/1. */
  readonly version: string | undefined;
  readonly hidden: boolean;
}

const ABORT = 'abort';

const DEFINING_BINDS = new Set([STB_GLOBAL, STB_WEAK, STB_GNU_UNIQUE]);

function versionName(elf: ElfFile, versym: number | undefined): string | undefined {
  if (versym === undefined) return undefined;
  const index = versym & ~VERSYM_HIDDEN;
  if (index < 2) return undefined;
  return elf.dynamic?.versionDefs.find((d) => d.index === index)?.names[0];
}

/** Every definition of the global scope by name, and each object's dynamic symbols. */
class SymbolScope {
  private readonly definitions = new Map<string, Definition[]>();
  /** Names the loaded objects answer to (SONAME, requested names), for Verneed file lookups. */
  private readonly loadedNames = new Set<string>();
  readonly tables: DynamicSymbol[][] = [];

  static async read(scope: readonly ScopeObject[]): Promise<SymbolScope> {
    const result = new SymbolScope();
    for (const object of scope) {
      for (const name of object.names) result.loadedNames.add(name);
      const symbols = await readDynamicSymbols(object.reader, object.elf);
      result.tables.push(symbols);
      for (const s of symbols) {
        if (s.shndx === SHN_UNDEF || s.name === '' || !DEFINING_BINDS.has(s.bind)) continue;
        const def = {
          version: versionName(object.elf, s.versym),
          hidden: s.versym !== undefined && (s.versym & VERSYM_HIDDEN) !== 0,
        };
        const list = result.definitions.get(s.name);
        if (list === undefined) result.definitions.set(s.name, [def]);
        else list.push(def);
      }
    }
    return result;
  }

  /**
   * The unresolved reference `s` of `object`, or undefined when it resolves: check_match (elf/dl-lookup.c) needs
   * the same Verdef name for a versioned reference, except that a non-hidden base definition also satisfies it.
   */
  unresolved(
    object: ScopeObject,
    s: DynamicSymbol,
    versions: boolean,
  ): UndefinedSymbol | typeof ABORT | undefined {
    if (s.shndx !== SHN_UNDEF || s.name === '' || s.bind === STB_WEAK) return undefined;
    const index = s.versym === undefined ? 0 : s.versym & ~VERSYM_HIDDEN;
    const need = versions ? object.elf.dynamic?.versionNeeds.find((v) => v.index === index) : undefined;
    // A reference versioned against a file that was not found stops relocation without a message
    // (observed with glibc 2.36: ldd -r prints nothing more and exits 1).
    if (need !== undefined && !this.loadedNames.has(need.file)) return ABORT;
    const defs = this.definitions.get(s.name) ?? [];
    const satisfied = defs.some((d) =>
      need === undefined ? !d.hidden : d.version === need.version || (d.version === undefined && !d.hidden),
    );
    return satisfied ? undefined : { object: object.path, name: s.name, version: need?.version };
  }
}

/** Undefined, non-weak dynamic symbols that nothing defines, each once, in dynsym order (musl's view). */
export async function findUndefinedSymbols(
  scope: readonly ScopeObject[],
  versions: boolean,
): Promise<UndefinedSymbol[]> {
  const symbols = await SymbolScope.read(scope);
  const missing: UndefinedSymbol[] = [];
  scope.forEach((object, i) => {
    const seen = new Set<string>();
    for (const s of symbols.tables[i] ?? []) {
      const miss = seen.has(s.name) ? undefined : symbols.unresolved(object, s, versions);
      seen.add(s.name);
      if (miss !== undefined && miss !== ABORT) missing.push(miss);
    }
  });
  return missing;
}

/** glibc's elf_machine_type_class: PLT-class lookups (jump slots, TLS on x86_64) are cached apart. */
function typeClass(elf: ElfFile, r: SymbolRelocation): number {
  if (elf.header.machine === EM_X86_64) {
    if (r.type === 5) return 2;
    return r.type === 7 || (r.type >= 16 && r.type <= 18) ? 1 : 0;
  }
  return r.plt ? 1 : 0;
}

/**
 * `ldd -r` as glibc reports it: objects in `order`, each object's relocations in table order; a relocation
 * naming the same symbol with the same type class as the one before it hits l_lookup_cache and reports nothing.
 */
export async function findUndefinedByRelocation(
  scope: readonly ScopeObject[],
  order: readonly ScopeObject[],
): Promise<{ missing: UndefinedSymbol[]; aborted: boolean }> {
  const symbols = await SymbolScope.read(scope);
  const missing: UndefinedSymbol[] = [];
  for (const object of order) {
    const table = symbols.tables[scope.indexOf(object)] ?? [];
    let previous: { symbol: number; cls: number } | undefined;
    for (const r of await readSymbolRelocations(object.reader, object.elf)) {
      const cls = typeClass(object.elf, r);
      const cached = previous?.symbol === r.symbol && previous.cls === cls;
      previous = { symbol: r.symbol, cls };
      const s = table[r.symbol];
      if (cached || s === undefined) continue;
      const miss = symbols.unresolved(object, s, true);
      if (miss === ABORT) return { missing, aborted: true };
      if (miss !== undefined) missing.push(miss);
    }
  }
  return { missing, aborted: false };
}
