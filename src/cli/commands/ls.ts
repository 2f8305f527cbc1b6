/**
 * `strata ls [--image NAME] [--layer N] [--recursive] [--removed] [--json] ARCHIVE [PATH]`: the merged
 * tree at layer N (default: the top) like `ls -l`, with what that layer did to each entry.
 */
import { formatPermissions, formatSize, normalizePath, type LayerStack, type ListedNode } from '../../core';
import { InputError, UsageError, type Command } from '../cli-io';
import { parseArgs, type ParsedArgs } from '../args';
import { table } from '../table';
import { layerOption, openStack, warnUnreadLayers } from './diff-stack';
import { displayName, entryJson, type EntryJson } from './ls-entries';

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

async function collect(
  stack: LayerStack,
  layer: number,
  parsed: ParsedArgs,
  raw: string,
): Promise<Listing[]> {
  const path = await locate(stack, layer, raw);
  const node = path === undefined ? undefined : stack.stat(layer, path);
  if (path === undefined || node === undefined)
    throw new InputError(`${raw}: no such path in the image at layer ${layer}.`);
  const removed = parsed.flags.has('--removed');
  if (node.kind !== 'dir') {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    const self = children(stack, layer, parent, false).filter((e) => e.path === path);
    return [{ dir: parent, entries: self }];
  }
  const recursive = parsed.flags.has('--recursive') || parsed.flags.has('-R');
  const listings: Listing[] = [];
  const visit = (dir: string): void => {
    const entries = children(stack, layer, dir, removed);
    listings.push({ dir, entries });
    if (!recursive) return;
    for (const e of entries) if (e.kind === 'dir' && e.change !== 'removed') visit(e.path);
  };
  visit(path);
  return listings;
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
    const listings = await collect(opened.stack, layer, parsed, path);
    if (parsed.flags.has('--json')) {
      const rows: EntryJson[] = listings.flatMap((l) => l.entries.map((e) => entryJson(e, e.change)));
      io.stdout(JSON.stringify(rows, null, 2) + '\n');
    } else if (listings.length === 1) {
      io.stdout(listingText(listings[0]!));
    } else {
      io.stdout(listings.map((l) => `${l.dir}:\n${listingText(l)}`).join('\n'));
    }
    warnUnreadLayers(opened, io);
    return 0;
  } finally {
    await opened.source.close();
  }
};
