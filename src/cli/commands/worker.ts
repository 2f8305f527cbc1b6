/**
 * `strata worker --db postgres://… [--concurrency N]`: index jobs from the queue `strata index --queue`
 * fills, until SIGTERM or SIGINT. Any number of workers, on any number of machines, share one server.
 */
import { openIndex } from '../../fleet/open-index';
import { isServerUrl } from '../../fleet/sql';
import { runWorker } from '../../fleet/worker';
import { flagValue, parseArgs } from '../args';
import { UsageError, type Command } from '../cli-io';

export const WORKER_USAGE = 'usage: strata worker --db postgres://… [--concurrency N]';

export const worker: Command = async (args, io) => {
  const parsed = parseArgs(args, { values: ['--db', '--concurrency'] });
  const db = flagValue(parsed, '--db');
  if (parsed.positionals.length > 0 || db === undefined || !isServerUrl(db))
    throw new UsageError(WORKER_USAGE);
  const concurrency = Number(flagValue(parsed, '--concurrency') ?? '1');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError('--concurrency takes a whole number from 1 to 64.');
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  const sql = await openIndex(db, 'write');
  try {
    await runWorker(sql, db, io, { concurrency, stopped });
  } finally {
    await sql.close();
  }
  return 0;
};
