/**
 * `strata blast-radius --db DB [--version CONSTRAINT] [--json] NAME` (alias `rdeps`): the blast radius from the fleet index,
 * the same report as over archives with each image's source (archive path or registry reference) where
 * the archive was.
 */
import { blastRadiusFromIndex } from '../../fleet/blast-radius-query';
import { openIndex } from '../../fleet/open-index';
import { parseVersionFilter } from '../../fleet/version-filter';
import { flagValue, type ParsedArgs } from '../args';
import { UsageError, type CliIo } from '../cli-io';
import { formatBlastRadius, BLAST_RADIUS_JSON_VERSION } from './blast-radius-report';

export async function blastRadiusFromIndexArgs(
  parsed: ParsedArgs,
  query: string,
  io: CliIo,
): Promise<number> {
  const versionText = flagValue(parsed, '--version');
  let constraints: ReturnType<typeof parseVersionFilter> = [];
  try {
    constraints = versionText === undefined ? [] : parseVersionFilter(versionText);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const sql = await openIndex(flagValue(parsed, '--db'), 'read');
  try {
    const images = await blastRadiusFromIndex(sql, query, constraints);
    const rebuild = images.filter((i) => i.affected).map((i) => i.names[0] ?? i.id);
    if (parsed.flags.has('--json')) {
      io.stdout(
        JSON.stringify({ version: BLAST_RADIUS_JSON_VERSION, package: query, images, rebuild }, null, 2) +
          '\n',
      );
    } else {
      const rows = images.map(({ source, ...rest }) => ({ archive: source, ...rest }));
      io.stdout(formatBlastRadius(query, rows, rebuild));
    }
    return 0;
  } finally {
    await sql.close();
  }
}
