/** `strata history [--image NAME] [--json] ARCHIVE`: like `podman history --no-trunc`. */
import { displayCreatedBy, formatAgo, formatSize, historyRows } from '../../core';
import { UsageError, type Command } from '../cli-io';
import { flagValue, parseArgs } from '../args';
import { openImage } from '../open-image';
import { table } from '../table';
import { withoutPageFields } from '../page-only';

export const history: Command = async (args, io) => {
  const parsed = parseArgs(args, { values: ['--image', '--platform'], booleans: ['--json', '--human'] });
  const [archive, ...rest] = parsed.positionals;
  if (!archive || rest.length > 0)
    throw new UsageError('usage: strata history [--image NAME] [--platform OS/ARCH] [--json] ARCHIVE');
  const { session, image, source } = await openImage(
    archive,
    flagValue(parsed, '--image'),
    flagValue(parsed, '--platform'),
  );
  try {
    await session.indexImage(image);
    const rows = historyRows(session, image);
    if (parsed.flags.has('--json')) {
      io.stdout(JSON.stringify(rows, withoutPageFields, 2) + '\n');
      return 0;
    }
    io.stdout(
      table(
        ['ID', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'],
        rows.map((r) => [
          r.id,
          formatAgo(r.created),
          displayCreatedBy(r.createdBy),
          r.size === null ? `? (${r.state})` : formatSize(r.size),
          r.comment,
        ]),
      ),
    );
    for (const r of rows)
      for (const w of [...(r.error ? [r.error] : []), ...r.warnings])
        io.stderr(`warning: layer ${(r.layerIndex ?? 0) + 1}: ${w}\n`);
    return 0;
  } finally {
    await source.close();
  }
};
