/**
 * `strata export --format json|csv [--image NAME] ARCHIVE`: every layer's file list (what each layer
 * added, modified and removed) for spreadsheets and scripts (dive #508, #404).
 */
import { UsageError, type Command } from '../cli-io';
import { flagValue, parseArgs } from '../args';
import { openStack, warnUnreadLayers } from './diff-stack';
import { csvRecord, EXPORT_COLUMNS, EXPORT_JSON_VERSION, forEachRow, layersMeta } from './export-rows';

export const EXPORT_USAGE =
  'usage: strata export --format json|csv [--image NAME] [--platform OS/ARCH] ARCHIVE';

export const exportFiles: Command = async (args, io) => {
  const parsed = parseArgs(args, { values: ['--image', '--platform', '--format'] });
  const [archive, ...rest] = parsed.positionals;
  const format = flagValue(parsed, '--format');
  if (!archive || rest.length > 0 || format === undefined) throw new UsageError(EXPORT_USAGE);
  if (format !== 'json' && format !== 'csv')
    throw new UsageError(`--format ${format} is not known: use json or csv.`);
  const opened = await openStack(archive, parsed);
  try {
    const { image, stack } = opened;
    const pause = (): Promise<void> => io.drain?.() ?? Promise.resolve();
    if (format === 'csv') {
      io.stdout(csvRecord(EXPORT_COLUMNS));
      await forEachRow(
        stack,
        (row) => {
          io.stdout(csvRecord(EXPORT_COLUMNS.map((c) => row[c])));
        },
        pause,
      );
    } else {
      const head = { version: EXPORT_JSON_VERSION, image: image.id, layers: layersMeta(image, stack) };
      io.stdout(JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "entries": ['));
      let rows = 0;
      await forEachRow(
        stack,
        (row) => {
          io.stdout(`${rows++ === 0 ? '' : ','}\n    ${JSON.stringify(row)}`);
        },
        pause,
      );
      io.stdout(rows === 0 ? ']\n}\n' : '\n  ]\n}\n');
    }
    warnUnreadLayers(opened, io);
    return 0;
  } finally {
    await opened.source.close();
  }
};
