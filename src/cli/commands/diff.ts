/** `strata diff [--image NAME] [--platform OS/ARCH] [--layer N] [--json] ARCHIVE`: what each layer changed. */
import { UsageError, type Command } from '../cli-io';
import { flagValue, parseArgs } from '../args';
import { layerOption, openStack, warnUnreadLayers } from './diff-stack';
import { diffFigures, writeDiffJson, writeDiffText } from './diff-report';

export const DIFF_USAGE =
  'usage: strata diff [--image NAME] [--platform OS/ARCH] [--layer N] [--json] ARCHIVE';

export const diff: Command = async (args, io) => {
  const parsed = parseArgs(args, { values: ['--image', '--platform', '--layer'], booleans: ['--json'] });
  const [archive, ...rest] = parsed.positionals;
  if (!archive || rest.length > 0) throw new UsageError(DIFF_USAGE);
  const opened = await openStack(archive, parsed);
  try {
    const { image, stack } = opened;
    const all = Array.from({ length: stack.layerCount }, (_, i) => i);
    // Figures are always for the whole image; --layer only narrows the listed layers.
    const layers = flagValue(parsed, '--layer') === undefined ? all : [layerOption(parsed, stack)];
    const figures = diffFigures(stack);
    const write = (text: string): void => {
      io.stdout(text);
    };
    const pause = (): Promise<void> => io.drain?.() ?? Promise.resolve();
    if (parsed.flags.has('--json')) await writeDiffJson(image, stack, layers, figures, write, pause);
    else await writeDiffText(image, stack, layers, figures, write, pause);
    warnUnreadLayers(opened, io);
    return 0;
  } finally {
    await opened.source.close();
  }
};
