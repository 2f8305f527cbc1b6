/**
 * `strata index [--db DB] [--json] [--platform OS/ARCH] [--queue [--wait]] SOURCE…`: every layer of every
 * image read once into the fleet index (an embedded PostgreSQL directory, or a server), however many
 * images share it. With --queue, one job per image goes to the server's queue for `strata worker`.
 */
import { openIndex } from '../../fleet/open-index';
import { runIndex } from '../../fleet/index-run';
import { printIndexResult } from '../../fleet/index-report';
import { enqueueSources } from '../../fleet/queue';
import { expandSources } from '../../fleet/sources';
import { isServerUrl } from '../../fleet/sql';
import { flagValue, parseArgs } from '../args';
import { UsageError, type Command } from '../cli-io';

export const INDEX_USAGE =
  'usage: strata index [--db DIR|postgres://…] [--json] [--platform OS/ARCH] [--queue [--wait]] SOURCE...';

export const index: Command = async (args, io) => {
  const parsed = parseArgs(args, {
    values: ['--db', '--platform'],
    booleans: ['--json', '--queue', '--wait'],
  });
  if (parsed.positionals.length === 0) throw new UsageError(INDEX_USAGE);
  const db = flagValue(parsed, '--db');
  const queue = parsed.flags.has('--queue');
  if (parsed.flags.has('--wait') && !queue) throw new UsageError('--wait goes with --queue.');
  if (queue && (db === undefined || !isServerUrl(db)))
    throw new UsageError('--queue needs --db postgres://…: the queue lives in a PostgreSQL server.');
  const platform = flagValue(parsed, '--platform');
  const json = parsed.flags.has('--json');
  const { sources, failures } = await expandSources(parsed.positionals);
  const sql = await openIndex(db, 'write');
  try {
    if (queue) {
      return await enqueueSources(sql, db!, sources, {
        platform,
        wait: parsed.flags.has('--wait'),
        json,
        failures,
        io,
      });
    }
    const result = await runIndex(sql, sources, {
      platform,
      onProgress: (line) => io.stderr(`${line}\n`),
    });
    return printIndexResult(io, { ...result, failures: [...failures, ...result.failures] }, json);
  } finally {
    await sql.close();
  }
};
