import type { ElfFile } from '../elf/elf-types';
import type { FoundVia } from './link-types';

/** One object of the emulated process, modelled on glibc's struct link_map (include/link.h). */
export interface LinkMap {
  /** l_name: the path the object was opened from (main program: the path given, as under ldd). */
  readonly lName: string;
  /** l_libname: every name it was requested under, first one first (ldd's left column). */
  readonly names: string[];
  readonly soname: string | undefined;
  readonly realPath: string | undefined;
  /** Undefined for a faked (not found) entry and for an interpreter missing from the image. */
  readonly elf: ElfFile | undefined;
  /** l_loader: the object whose DT_NEEDED first caused this one to be loaded. */
  readonly loader: LinkMap | undefined;
  /** l_faked: a "not found" stand-in created in trace mode; never matched by later requests. */
  readonly faked: boolean;
  readonly kind: 'main' | 'library' | 'interpreter' | 'preload';
  /** $ORIGIN: directory of l_name as written (main program: of its realpath). */
  readonly origin: string | undefined;
  readonly foundVia: FoundVia | null;
  readonly neededBy: LinkMap[];
  readonly cpuDependent: boolean;
}

/** `_dl_name_match_p` (elf/dl-misc.c): the opening path or any name the object was requested under. */
export function nameMatches(map: LinkMap, name: string): boolean {
  return map.lName === name || map.names.includes(name);
}

/** DSO_FILENAME: the main program of a normal run has an empty l_name. */
export function dsoFilename(map: LinkMap): string {
  return map.lName === '' ? '<main program>' : map.lName;
}
