import type { LinkMap } from './link-map';
import { dsoFilename, nameMatches } from './link-map';
import type { VersionCheck } from './link-types';

function definesVersion(map: LinkMap, version: string): boolean {
  return map.elf?.dynamic?.versionDefs.some((def) => def.names[0] === version) ?? false;
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
  for (const map of chain) {
    if (map.faked) continue;
    for (const need of map.elf?.dynamic?.versionNeeds ?? []) {
      // find_needed: the whole chain first (faked entries included), then the object's own dependencies.
      const needed =
        chain.find((l) => nameMatches(l, need.file)) ?? searchList.find((l) => nameMatches(l, need.file));
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
  for (const map of chain) {
    for (const need of map.elf?.dynamic?.versionNeeds ?? []) {
      let provider: LinkMap | undefined;
      for (let i = searchList.length - 1; i >= 0 && provider === undefined; i--) {
        const candidate = searchList[i]!;
        if (nameMatches(candidate, need.file)) provider = candidate;
      }
      const found = provider !== undefined && definesVersion(provider, need.version);
      checks.push({
        file: dsoFilename(map),
        library: need.file,
        version: need.version,
        weak: need.weak,
        found,
        providerPath: found && provider ? provider.lName : null,
      });
    }
  }
  return checks;
}
