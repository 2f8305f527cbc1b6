/**
 * `strata ldd [-v] [--image NAME] [--layer N] [--json] ARCHIVE PATH`: what `LC_ALL=C ldd [-v] PATH`
 * prints inside the image, line for line, without load addresses and the linux-vdso line, with ldd's
 * exit status. Nothing runs: the image's loader is emulated (src/core/linkage).
 *
 * ldd's script sends "not a dynamic executable" and a missing file to stderr, and runs ld.so with
 * stderr joined to stdout; the version messages ld.so prints are kept on stderr here so that stdout
 * stays the list a script parses.
 */
import {
  toLddJson,
  formatLdd,
  lddExitCode,
  LinkageContext,
  normalizePath,
  loadExecutable,
  loaderSettings,
  type LoadResult,
} from '../../core';
import { UsageError, type Command } from '../cli-io';
import { parseArgs } from '../args';
import { layerOption, openStack, warnUnreadLayers, type OpenedStack } from './diff-stack';
import { fileOrigin, linkageFs, ownerName, readOwners } from './ldd-image';

export const LDD_USAGE =
  'usage: strata ldd [-v] [--image NAME] [--platform OS/ARCH] [--layer N] [--json] ARCHIVE PATH';

async function lddJson(opened: OpenedStack, layer: number, result: LoadResult, io: Parameters<Command>[1]) {
  const owners = await readOwners(opened, layer, io);
  const base = toLddJson(result);
  return {
    ...base,
    libraries: base.libraries.map((lib) => {
      const origin = lib.realPath === null ? null : fileOrigin(opened.stack, lib.realPath, layer);
      return {
        ...lib,
        layer: origin?.layer ?? null,
        replacedLater: origin?.replacedLater ?? false,
        owner: lib.realPath === null ? null : ownerName(owners, lib.realPath),
      };
    }),
  };
}

export const ldd: Command = async (args, io) => {
  const parsed = parseArgs(args, {
    values: ['--image', '--platform', '--layer'],
    booleans: ['-v', '--verbose', '--json'],
  });
  const [archive, path, ...rest] = parsed.positionals;
  if (!archive || !path || rest.length > 0) throw new UsageError(LDD_USAGE);
  const opened = await openStack(archive, parsed);
  try {
    const layer = layerOption(parsed, opened.stack);
    warnUnreadLayers(opened, io);
    const fs = await linkageFs(opened, layer);
    const settings = loaderSettings(opened.image);
    // Inside the container ldd runs in the image's WorkingDir; it names a bare file "./FILE".
    const given = path.includes('/') ? path : `./${path}`;
    const target = normalizePath(path.startsWith('/') ? path : `${settings.workingDir ?? '/'}/${path}`);
    if ((await fs.lstat(target)) === undefined) {
      io.stderr(`ldd: ${given}: No such file or directory\n`);
      return 1;
    }
    const ctx = new LinkageContext(fs, settings);
    const result = await loadExecutable(ctx, target);
    if (parsed.flags.has('--json')) {
      io.stdout(JSON.stringify(await lddJson(opened, layer, result, io), null, 2) + '\n');
      return lddExitCode(result);
    }
    const verbose = parsed.flags.has('-v') || parsed.flags.has('--verbose');
    if (result.status === 'not-dynamic' || result.status === 'fatal') {
      io.stderr(formatLdd(result));
    } else {
      for (const message of result.messages) io.stderr(`${message}\n`);
      io.stdout(formatLdd({ ...result, messages: [] }, { verbose }));
    }
    return lddExitCode(result);
  } finally {
    await opened.source.close();
  }
};
