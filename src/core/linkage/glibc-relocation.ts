import { imageFileReader } from '../elf/parse-elf';
import type { LinkMap } from './link-map';
import type { UndefinedSymbolRef } from './link-types';
import type { LinkageContext } from './linkage-context';
import { findUndefinedByRelocation, type ScopeObject } from './symbol-check';

/**
 * The `ldd -r` check: symbols looked up in the global scope (main program and every loaded object; missing
 * ones contribute nothing), reported object by object in relocation order, which runs from the last loaded
 * object back to the main program (rtld.c relocates l_initfini in reverse). ld.so itself is relocated already.
 */
export async function relocationCheck(
  ctx: LinkageContext,
  chain: readonly LinkMap[],
  notes: string[],
): Promise<{ missing: UndefinedSymbolRef[]; aborted: boolean }> {
  const scope: ScopeObject[] = [];
  const order: ScopeObject[] = [];
  for (const map of chain) {
    if (map.faked) continue;
    if (map.elf === undefined || map.realPath === undefined) {
      notes.push(`${map.lName} is not readable: its symbols were not checked`);
      continue;
    }
    const object = {
      path: map.lName,
      names: [map.lName, ...map.names, ...(map.soname === undefined ? [] : [map.soname])],
      elf: map.elf,
      reader: imageFileReader(ctx.fs, map.realPath),
    };
    scope.push(object);
    if (map.kind !== 'interpreter') order.unshift(object);
  }
  return findUndefinedByRelocation(scope, order);
}
