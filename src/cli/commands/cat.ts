/**
 * `strata cat [--image NAME] [--layer N] ARCHIVE PATH`: a file's bytes at layer N (default: the
 * top), symlinks followed inside the image, read in MAX_READ pieces so large files never sit whole
 * in memory.
 */
import { MAX_READ, normalizePath, type ImageFs } from '../../core';
import { InputError, UsageError, type CliIo, type Command } from '../cli-io';
import { parseArgs } from '../args';
import { layerOption, openStack, type OpenedStack } from './diff-stack';

export const CAT_USAGE = 'usage: strata cat [--image NAME] [--platform OS/ARCH] [--layer N] ARCHIVE PATH';

function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The regular file PATH leads to, or an error sentence naming what is there instead. */
async function resolveFile(
  fs: ImageFs,
  path: string,
  layer: number,
): Promise<{ real: string; size: number }> {
  const at = `in the image at layer ${layer}`;
  const own = await fs.lstat(path);
  const real = await fs.realpath(path);
  const node = real === undefined ? undefined : await fs.lstat(real);
  if (real === undefined || node === undefined) {
    if (own?.kind === 'symlink')
      throw new InputError(`${path} is a symlink to ${own.linkTarget}, which leads nowhere ${at}.`);
    throw new InputError(`${path}: no such file ${at}.`);
  }
  if (node.kind === 'dir') throw new InputError(`${path} is a directory ${at}; list it with strata ls.`);
  if (node.kind !== 'file')
    throw new InputError(`${path} is a ${node.kind} ${at}, not a regular file: it has no content to print.`);
  return { real, size: node.size };
}

async function pipe(opened: OpenedStack, layer: number, path: string, io: CliIo): Promise<void> {
  const { session, image, stack } = opened;
  const fs = stack.imageFs(layer, (n, entry, offset, length) =>
    session.readEntry(image, n, entry, offset, length),
  );
  const { real, size } = await resolveFile(fs, path, layer);
  const sink = io.stdoutBytes?.bind(io);
  let mode: 'text' | 'bytes' | undefined;
  for (let offset = 0; offset < size;) {
    const piece = await fs.read(real, offset, Math.min(MAX_READ, size - offset));
    if (piece === undefined || piece.length === 0)
      throw new InputError(`${path}: the layer ended after ${offset} of ${size} bytes.`);
    // Text goes through the text sink when the whole file is one piece (or there is no byte sink).
    mode ??= isText(piece) && (piece.length === size || sink === undefined) ? 'text' : 'bytes';
    if (mode === 'text') {
      if (!isText(piece))
        throw new InputError(`${path} is not UTF-8 text past byte ${offset}; this output takes text only.`);
      io.stdout(new TextDecoder().decode(piece));
    } else if (sink === undefined) {
      throw new InputError(`${path} holds binary data; this output takes text only.`);
    } else {
      sink(piece);
    }
    offset += piece.length;
  }
}

export const cat: Command = async (args, io) => {
  const parsed = parseArgs(args, { values: ['--image', '--platform', '--layer'] });
  const [archive, path, ...rest] = parsed.positionals;
  if (!archive || !path || rest.length > 0) throw new UsageError(CAT_USAGE);
  const opened = await openStack(archive, parsed);
  try {
    await pipe(opened, layerOption(parsed, opened.stack), normalizePath(path), io);
    return 0;
  } finally {
    await opened.source.close();
  }
};
