import { SHN_UNDEF, STB_GLOBAL, STB_GNU_UNIQUE, STB_WEAK, VERSYM_HIDDEN } from '../elf/elf-constants';
import type { ByteReader, DynamicSymbol, ElfFile } from '../elf/elf-types';
import { readDynamicSymbols } from '../elf/read-symbols';

/** One object of a process, in global-scope order (main program first). */
export interface ScopeObject {
  /** The path the loader prints for it. */
  readonly path: string;
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

const DEFINING_BINDS = new Set([STB_GLOBAL, STB_WEAK, STB_GNU_UNIQUE]);

function versionName(elf: ElfFile, versym: number | undefined): string | undefined {
  if (versym === undefined) return undefined;
  const index = versym & ~VERSYM_HIDDEN;
  if (index < 2) return undefined;
  return elf.dynamic?.versionDefs.find((d) => d.index === index)?.names[0];
}

/**
 * Undefined, non-weak dynamic symbols that no object of the scope defines: the `ldd -r` check of
 * elf/dl-lookup.c's check_match (a versioned reference needs the same Verdef name, except that an object
 * without versym, or a non-hidden base definition, also satisfies it). With `versions` false (musl), names only.
 */
export async function findUndefinedSymbols(
  scope: readonly ScopeObject[],
  versions: boolean,
): Promise<UndefinedSymbol[]> {
  const tables: DynamicSymbol[][] = [];
  const definitions = new Map<string, Definition[]>();
  for (const object of scope) {
    const symbols = await readDynamicSymbols(object.reader, object.elf);
    tables.push(symbols);
    for (const s of symbols) {
      if (s.shndx === SHN_UNDEF || s.name === '' || !DEFINING_BINDS.has(s.bind)) continue;
      const def = {
        version: versionName(object.elf, s.versym),
        hidden: s.versym !== undefined && (s.versym & VERSYM_HIDDEN) !== 0,
      };
      const list = definitions.get(s.name);
      if (list === undefined) definitions.set(s.name, [def]);
      else list.push(def);
    }
  }
  const missing: UndefinedSymbol[] = [];
  scope.forEach((object, i) => {
    const seen = new Set<string>();
    for (const s of tables[i] ?? []) {
      if (s.shndx !== SHN_UNDEF || s.name === '' || s.bind === STB_WEAK || seen.has(s.name)) continue;
      seen.add(s.name);
      const index = s.versym === undefined ? 0 : s.versym & ~VERSYM_HIDDEN;
      const need = versions ? object.elf.dynamic?.versionNeeds.find((v) => v.index === index) : undefined;
      const defs = definitions.get(s.name) ?? [];
      const satisfied = defs.some((d) =>
        need === undefined ? !d.hidden : d.version === need.version || (d.version === undefined && !d.hidden),
      );
      if (!satisfied) missing.push({ object: object.path, name: s.name, version: need?.version });
    }
  });
  return missing;
}
