import type { LinkMap } from './link-map';
import { dsoFilename, nameMatches } from './link-map';
import type { VersionCheck } from './link-types';

const definedVersions = new WeakMap<object, Set<string>>();

/** match_version: some Verdef's first name equals the version (cached per parsed file). */
function definesVersion(map: LinkMap, version: string): boolean {
  const dyn = map.elf?.dynamic;
  if (dyn === undefined) return false;
  let names = definedVersions.get(dyn);
  if (names === undefined) {
    names = new Set(dyn.versionDefs.map((def) => def.names[0] ?? ''));
    definedVersions.set(dyn, names);
  }
  return names.has(version);
}

/**
 * `_dl_check_all_versions` as ldd runs it (elf/dl-version.c, verbose): for each object in chain order, each
 * Vernaux is looked up in the object named by its Verneed file. Returns the lines glibc prints before the list.
 */
export function versionMessages(
  chain: readonly LinkMap[],
  searchList: readonly LinkMap[],
  prog: string,
): string[] {
  const lines: string[] = [];
  // find_needed: the first object of the whole chain (faked entries included) answering to the name, then
  // the object's own dependencies.
  const firstByName = new Map<string, LinkMap>();
  for (const l of chain) {
    for (const name of [l.lName, ...l.names]) if (!firstByName.has(name)) firstByName.set(name, l);
  }
  for (const map of chain) {
    if (map.faked) continue;
    for (const need of map.elf?.dynamic?.versionNeeds ?? []) {
      const needed = firstByName.get(need.file) ?? searchList.find((l) => nameMatches(l, need.file));
      if (needed === undefined || needed.faked) continue;
      const requiredBy = dsoFilename(map);
      const where = `${prog}: ${dsoFilename(needed)}`;
      if ((needed.elf?.dynamic?.versionDefs.length ?? 0) === 0) {
        lines.push(`${where}: no version information available (required by ${requiredBy})`);
      } else if (!definesVersion(needed, need.version)) {
        const what = need.weak ? 'weak version' : 'version';
        lines.push(`${where}: ${what} \`${need.version}' not found (required by ${requiredBy})`);
      }
    }
  }
  return lines;
}

/**
 * The `ldd -v` block (elf/rtld.c): objects in chain order; the provider is searched in the main search list
 * from its end (rtld's find_needed), and a version counts as found when a Verdef's first name equals it.
 */
export function versionBlock(chain: readonly LinkMap[], searchList: readonly LinkMap[]): VersionCheck[] {
  const checks: VersionCheck[] = [];
  // Later entries overwrite earlier ones: the map answers with the last match, as the backward scan would.
  const lastByName = new Map<string, LinkMap>();
  for (const candidate of searchList) {
    for (const name of [candidate.lName, ...candidate.names]) lastByName.set(name, candidate);
  }
  for (const map of chain) {
    for (const need of map.elf?.dynamic?.versionNeeds ?? []) {
      const provider = lastByName.get(need.file);
      const found = provider !== undefined && definesVersion(provider, need.version);
      checks.push({
        file: dsoFilename(map),
        library: need.file,
        version: need.version,
        weak: need.weak,
        found,
        providerPath: found ? provider.lName : null,
      });
    }
  }
  return checks;
}
