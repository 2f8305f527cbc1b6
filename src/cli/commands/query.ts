/**
 * `strata query images|packages [NAME]|file PATH|layer DIGEST [--db DB] [--json]`: what the fleet index
 * holds, without opening any archive.
 */
import { findFile, findLayer, listImages, listPackages } from '../../fleet/fleet-queries';
import { openIndex } from '../../fleet/open-index';
import type { Sql } from '../../fleet/sql';
import { flagValue, parseArgs } from '../args';
import { InputError, UsageError, type Command } from '../cli-io';
import { shortDigest } from '../../core';
import { table as formatTable } from '../table';

export const QUERY_USAGE =
  'usage: strata query images|packages [NAME]|file PATH|layer DIGEST [--db DB] [--json]';

type Answer = { json: unknown; text: string };

function names(list: readonly string[]): string {
  return list.length > 0 ? list.join(' ') : '(no name)';
}

async function answer(sql: Sql, what: string, arg: string | undefined): Promise<Answer> {
  switch (what) {
    case 'images': {
      const rows = await listImages(sql);
      const table = rows.map((r) => [
        shortDigest(r.id),
        names(r.names),
        r.platform,
        String(r.layers),
        String(r.packages),
        r.source,
      ]);
      return {
        json: rows,
        text: formatTable(['IMAGE', 'NAMES', 'PLATFORM', 'LAYERS', 'PACKAGES', 'SOURCE'], table),
      };
    }
    case 'packages': {
      const rows = await listPackages(sql, arg);
      const table = rows.map((r) => [r.name, r.version, r.arch, r.manager, String(r.images.length)]);
      return { json: rows, text: formatTable(['NAME', 'VERSION', 'ARCH', 'MANAGER', 'IMAGES'], table) };
    }
    case 'file': {
      if (arg === undefined) throw new UsageError(QUERY_USAGE);
      const rows = await findFile(sql, arg);
      const table = rows.map((r) => [
        shortDigest(r.id),
        names(r.names),
        r.present ? (r.kind ?? '') : 'removed',
        String(r.layer),
        r.size === null ? '' : String(r.size),
        r.source,
      ]);
      return { json: rows, text: formatTable(['IMAGE', 'NAMES', 'STATE', 'LAYER', 'SIZE', 'SOURCE'], table) };
    }
    case 'layer': {
      if (arg === undefined) throw new UsageError(QUERY_USAGE);
      if (!/^(sha256:)?[0-9a-f]{12,64}$/.test(arg))
        throw new UsageError(`${arg} is not a layer digest: give sha256:… or at least 12 hex digits of it.`);
      const layers = await findLayer(sql, arg);
      if (layers.length === 0) throw new InputError(`No indexed layer has the diff_id ${arg}.`);
      const text = layers
        .map(
          (l) =>
            `${l.diffId}\n  ${l.entries} entries, ${l.size} bytes, ${l.compression ?? 'unknown'} compression, indexed ${l.indexedAt}\n` +
            l.images
              .map((i) => `  layer ${i.layer} of ${names(i.names)} (${shortDigest(i.id)}) in ${i.source}\n`)
              .join(''),
        )
        .join('');
      return { json: layers, text };
    }
    default:
      throw new UsageError(QUERY_USAGE);
  }
}

export const query: Command = async (args, io) => {
  const parsed = parseArgs(args, { values: ['--db'], booleans: ['--json'] });
  const [what, arg, ...rest] = parsed.positionals;
  if (what === undefined || rest.length > 0) throw new UsageError(QUERY_USAGE);
  if (!['images', 'packages', 'file', 'layer'].includes(what)) throw new UsageError(QUERY_USAGE);
  if (what === 'images' && arg !== undefined) throw new UsageError(QUERY_USAGE);
  const sql = await openIndex(flagValue(parsed, '--db'), 'read');
  try {
    const result = await answer(sql, what, arg);
    io.stdout(parsed.flags.has('--json') ? JSON.stringify(result.json, null, 2) + '\n' : result.text);
    return 0;
  } finally {
    await sql.close();
  }
};
