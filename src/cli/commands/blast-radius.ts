/**
 * `strata blast-radius [--json] PACKAGE ARCHIVE…` (alias `strata rdeps`): the blast radius of a vulnerable package across archives. For
 * every image of every archive: the package's ELF libraries, every executable and library that loads one of
 * them (transitively, by the link graph), and whether the image needs a rebuild. PACKAGE is a package name
 * (libssl3, openssl-libs) or a library's file name or SONAME (libssl.so.3).
 *
 * An image without the package is "unaffected" (exit 0): finding nothing is an answer, not an error.
 */
import {
  blastRadius,
  displayNameList,
  loaderSettings,
  resolveLinkGraph,
  type BlastRadius,
  type ImageRecord,
} from '../../core';
import { UsageError, type Command } from '../cli-io';
import { parseArgs } from '../args';
import { openSession } from '../open-image';
import { warnUnreadLayers, type OpenedStack } from './diff-stack';
import { linkageFs, readOwners } from './ldd-image';
import { blastRadiusFromIndexArgs } from './blast-radius-index';
import { formatBlastRadius, BLAST_RADIUS_JSON_VERSION, type BlastRadiusImage } from './blast-radius-report';

export const BLAST_RADIUS_USAGE =
  'usage: strata blast-radius [--json] PACKAGE ARCHIVE... (alias: strata rdeps)\n' +
  '       strata blast-radius --db DB [--version CONSTRAINT] [--json] PACKAGE';

async function imageRadius(
  opened: OpenedStack,
  query: string,
  io: Parameters<Command>[1],
): Promise<BlastRadius> {
  const layer = opened.stack.topLayer;
  const fs = await linkageFs(opened, layer);
  const graph = await resolveLinkGraph(fs, loaderSettings(opened.image));
  return blastRadius(graph, await readOwners(opened, layer, io), query);
}

function toImage(archive: string, image: ImageRecord, radius: BlastRadius): BlastRadiusImage {
  return {
    archive,
    id: image.id,
    names: displayNameList(image.rawNames),
    affected: radius.libraries.length > 0,
    match: radius.match,
    libraries: radius.libraries,
    dependents: radius.dependents,
  };
}

export const blastRadiusCommand: Command = async (args, io) => {
  const parsed = parseArgs(args, { booleans: ['--json'], values: ['--db', '--version'] });
  const [query, ...archives] = parsed.positionals;
  if (parsed.flags.has('--db') && query && archives.length === 0)
    return blastRadiusFromIndexArgs(parsed, query, io);
  if (!query || archives.length === 0 || parsed.flags.has('--db') || parsed.flags.has('--version'))
    throw new UsageError(BLAST_RADIUS_USAGE);
  const images: BlastRadiusImage[] = [];
  for (const archive of archives) {
    const { session, source } = await openSession(archive);
    try {
      for (const image of session.info.images) {
        await session.indexImage(image);
        const stack = session.layerStack(image);
        if (stack.layerCount === 0) continue;
        const opened = { session, image, source, stack };
        warnUnreadLayers(opened, io);
        const radius = await imageRadius(opened, query, io);
        images.push(toImage(archive, image, radius));
      }
    } finally {
      await source.close();
    }
  }
  const rebuild = images.filter((i) => i.affected).map((i) => i.names[0] ?? i.id);
  if (parsed.flags.has('--json')) {
    io.stdout(
      JSON.stringify({ version: BLAST_RADIUS_JSON_VERSION, package: query, images, rebuild }, null, 2) + '\n',
    );
  } else {
    io.stdout(formatBlastRadius(query, images, rebuild));
  }
  return 0;
};
