/**
 * `strata ls [--image NAME] [--layer N] [--recursive] [--removed] [--json] ARCHIVE [PATH]`: the merged
 * tree at layer N (default: the top) like `ls -l`, with what that layer did to each entry.
 */
import { formatPermissions, formatSize, normalizePath, type LayerStack, type ListedNode } from '../../core';
import { InputError, UsageError, type CliIo, type Command } from '../cli-io';
import { parseArgs, type ParsedArgs } from '../args';
import { table } from '../table';
import { layerOption, openStack, warnUnreadLayers } from './diff-stack';
import { displayName, entryJson } from './ls-entries';

export const LS_USAGE =
  'usage: strata ls [--image NAME] [--platform OS/ARCH] [--layer N] [--recursive|-R] [--removed] [--json] ARCHIVE [PATH]';

interface Listing {
  readonly dir: string;
  readonly entries: readonly ListedNode[];
}

function children(stack: LayerStack, layer: number, dir: string, removed: boolean): ListedNode[] {
  return [...(stack.listDir(layer, dir, { includeRemoved: removed })?.entries ?? [])];
}

/** Where PATH leads at the layer: the literal path, or with its symlinks resolved inside the image. */
async function locate(stack: LayerStack, layer: number, raw: string): Promise<string | undefined> {
  const path = normalizePath(raw);
  const literal = stack.stat(layer, path);
  // `ls -l DIR/` follows a final symlink, `ls -l LINK` shows the link itself.
  if (literal !== undefined && !(literal.kind === 'symlink' && raw.endsWith('/'))) return path;
  return stack.imageFs(layer).realpath(path);
}

/** Where PATH leads, checked before anything is written (a missing path prints nothing). */
async function startPath(
  stack: LayerStack,
  layer: number,
  raw: string,
): Promise<{ path: string; dir: boolean }> {
  const path = await locate(stack, layer, raw);
  const node = path === undefined ? undefined : stack.stat(layer, path);
  if (path === undefined || node === undefined)
    throw new InputError(`${raw}: no such path in the image at layer ${layer}.`);
  return { path, dir: node.kind === 'dir' };
}

/**
 * The listings in \`ls -R\` order, one directory at a time, so that output streams and a deep tree
 * never nests calls (a hostile layer may nest directories thousands deep).
 */
function* listings(
  stack: LayerStack,
  layer: number,
  parsed: ParsedArgs,
  path: string,
  dir: boolean,
): Generator<Listing> {
  const removed = parsed.flags.has('--removed');
  if (!dir) {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    yield { dir: parent, entries: children(stack, layer, parent, false).filter((e) => e.path === path) };
    return;
  }
  const recursive = parsed.flags.has('--recursive') || parsed.flags.has('-R');
  const pending = [path];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const entries = children(stack, layer, next, removed);
    yield { dir: next, entries };
    if (!recursive) return;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (e.kind === 'dir' && e.change !== 'removed') pending.push(e.path);
    }
  }
}

function listingText(listing: Listing): string {
  if (listing.entries.length === 0) return '';
  return table(
    ['MODE', 'OWNER', 'SIZE', 'LAYER', 'CHANGE', 'NAME'],
    listing.entries.map((e) => [
      formatPermissions(e.kind, e.mode),
      `${e.uid}:${e.gid}`,
      formatSize(e.kind === 'dir' ? e.totalSize : e.size),
      e.layer < 0 ? '-' : `L${e.layer}`,
      e.change,
      displayName(e, e.name),
    ]),
  );
}

/** The rows as one pretty-printed JSON array (as JSON.stringify(rows, null, 2) spells it), row by row. */
async function writeJson(all: Iterable<Listing>, io: CliIo): Promise<void> {
  let rows = 0;
  for (const listing of all) {
    for (const e of listing.entries) {
      const row = JSON.stringify(entryJson(e, e.change), null, 2).replace(/\n/g, '\n  ');
      io.stdout(`${rows++ === 0 ? '[\n' : ',\n'}  ${row}`);
    }
    await io.drain?.();
  }
  io.stdout(rows === 0 ? '[]\n' : '\n]\n');
}

/** One listing prints bare; several print as "DIR:" blocks separated by blank lines, like ls -R. */
async function writeText(all: Iterator<Listing>, io: CliIo): Promise<void> {
  const first = all.next();
  if (first.done === true) return;
  let next = all.next();
  if (next.done === true) {
    io.stdout(listingText(first.value));
    return;
  }
  io.stdout(`${first.value.dir}:\n${listingText(first.value)}`);
  // One directory at a time, each after stdout has room for it (a slow reader holds ls back).
  for (; next.done !== true; next = all.next()) {
    io.stdout(`\n${next.value.dir}:\n${listingText(next.value)}`);
    await io.drain?.();
  }
}

export const ls: Command = async (args, io) => {
  const parsed = parseArgs(args, {
    values: ['--image', '--platform', '--layer'],
    booleans: ['--json', '--recursive', '-R', '--removed'],
  });
  const [archive, path = '/', ...rest] = parsed.positionals;
  if (!archive || rest.length > 0) throw new UsageError(LS_USAGE);
  const opened = await openStack(archive, parsed);
  try {
    const layer = layerOption(parsed, opened.stack);
    const start = await startPath(opened.stack, layer, path);
    const all = listings(opened.stack, layer, parsed, start.path, start.dir);
    if (parsed.flags.has('--json')) await writeJson(all, io);
    else await writeText(all, io);
    warnUnreadLayers(opened, io);
    return 0;
  } finally {
    await opened.source.close();
  }
};
