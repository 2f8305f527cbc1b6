/**
 * `strata graph [--image NAME] [--layer N] [--format json|dot] ARCHIVE`: the whole image's link graph
 * (one emulated process per executable, see resolveLinkGraph) as versioned JSON or as DOT for graphviz
 * (`strata graph --format dot sample.tar | dot -Tsvg > graph.svg`).
 */
import {
  imageDisplayNames,
  toGraphDot,
  toGraphJson,
  type GraphExportContext,
  resolveLinkGraph,
} from '../../core';
import { UsageError, type Command } from '../cli-io';
import { flagValue, parseArgs } from '../args';
import { layerOption, openStack, warnUnreadLayers } from './diff-stack';
import { fileOrigin, linkageFs, loaderSettings, ownerName, readOwners } from './ldd-image';

export const GRAPH_USAGE =
  'usage: strata graph [--image NAME] [--platform OS/ARCH] [--layer N] [--format json|dot] ARCHIVE';

/** Every name of an image as podman and docker print them (full names, then bare tags). */
export function displayNames(rawNames: readonly string[]): string[] {
  const names = imageDisplayNames(rawNames);
  return [...names.full, ...names.bareTags];
}

export const graph: Command = async (args, io) => {
  const parsed = parseArgs(args, { values: ['--image', '--platform', '--layer', '--format'] });
  const [archive, ...rest] = parsed.positionals;
  if (!archive || rest.length > 0) throw new UsageError(GRAPH_USAGE);
  const format = flagValue(parsed, '--format') ?? 'json';
  if (format !== 'json' && format !== 'dot')
    throw new UsageError(`--format ${format} is not known: use json or dot.`);
  const opened = await openStack(archive, parsed);
  try {
    const layer = layerOption(parsed, opened.stack);
    warnUnreadLayers(opened, io);
    const fs = await linkageFs(opened, layer);
    const linkGraph = await resolveLinkGraph(fs, loaderSettings(opened.image));
    const owners = await readOwners(opened, layer, io);
    const context: GraphExportContext = {
      image: { id: opened.image.id, names: displayNames(opened.image.rawNames) },
      layerOf: (path) => fileOrigin(opened.stack, path, layer).layer,
      packageOf: (path) => ownerName(owners, path),
    };
    io.stdout(
      format === 'dot'
        ? toGraphDot(linkGraph, context)
        : JSON.stringify(toGraphJson(linkGraph, context), null, 2) + '\n',
    );
    return 0;
  } finally {
    await opened.source.close();
  }
};
