/**
 * The default way `strata resolve --archive` lists the names and IDs in an archive: src/cli/archive-names.ts,
 * loaded only when --archive is used. The module is imported by a computed specifier so that this file
 * compiles whether or not that module is in the build yet.
 */
import { InputError } from '../cli-io';
import type { ArchiveNames } from './resolve-report';

type ReadArchiveNames = (path: string) => Promise<ArchiveNames>;

const ARCHIVE_NAMES_MODULE = '../archive-names';

function hasReader(module: unknown): module is { readArchiveNames: ReadArchiveNames } {
  return (
    typeof module === 'object' &&
    module !== null &&
    typeof (module as { readArchiveNames?: unknown }).readArchiveNames === 'function'
  );
}

export async function listArchiveNames(path: string): Promise<ArchiveNames> {
  let module: unknown;
  try {
    module = await import(/* @vite-ignore */ ARCHIVE_NAMES_MODULE);
  } catch {
    throw new InputError(
      'reading archives is not available in this build of strata; resolve the name without --archive.',
    );
  }
  if (!hasReader(module)) {
    throw new InputError(
      'reading archives is not available in this build of strata; resolve the name without --archive.',
    );
  }
  return module.readArchiveNames(path);
}
