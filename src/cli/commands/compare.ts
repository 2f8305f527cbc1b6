/**
 * `strata compare [--image-old NAME] [--image-new NAME] [--platform OS/ARCH] [--json | --format
 * text|json|markdown] [-o FILE] [--graph FILE.svg|FILE.png] [--fail-on RULE[,RULE…]] OLD NEW`: what a change did to an image — config,
 * layers, size, files, packages, linkage and waste, old against new. OLD and NEW may be the same archive
 * (then --image-old and --image-new pick two of its images; it is read once). --graph writes the linkage
 * change as the page's Compare view exports it (the linkage picture, light theme; PNG at twice the density).
 *
 * --fail-on makes it a CI gate: exit 1 and the rule that tripped; a rule that does not parse is bad usage
 * (exit 2), said before any archive is read.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  buildCompareReport,
  compareMarkdown,
  compareText,
  evaluateFailOn,
  FailOnRuleError,
  loaderSettings,
  parseFailOn,
  pickImage,
  readCompareSides,
  type ArchiveSession,
  type CompareJson,
  type CompareInput,
  type FailOnRule,
} from '../../core';
import { InputError, UsageError, type CliIo, type Command } from '../cli-io';
import { flagValue, parseArgs } from '../args';
import { openSession } from '../open-image';
import type { FileSource } from '../node-env';
import { nodeSqliteOptions } from '../sqlite-node';
import { dotEngine, svgToPng, todayText, toolVersion } from './graph-render';
import { withoutPageFields } from '../page-only';

export const COMPARE_USAGE =
  'usage: strata compare [--image-old NAME] [--image-new NAME] [--platform OS/ARCH] [--json | --format text|json|markdown] [-o FILE] [--graph FILE.svg|FILE.png] [--fail-on RULE[,RULE...]] OLD NEW';

type Format = 'text' | 'json' | 'markdown';

/** --fail-on may be given more than once; the shared parser keeps one value per flag, so take them out first. */
function takeFailOn(args: readonly string[]): { rest: string[]; values: string[] } {
  const rest: string[] = [];
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg.startsWith('--fail-on=')) values.push(arg.slice('--fail-on='.length));
    else if (arg === '--fail-on') {
      const value = args[++i];
      if (value === undefined) throw new UsageError('--fail-on needs a rule.');
      values.push(value);
    } else rest.push(arg);
  }
  return { rest, values };
}

function formatOf(json: boolean, format: string | undefined): Format {
  if (json && format !== undefined && format !== 'json')
    throw new UsageError(`--json and --format ${format} ask for two formats: give one.`);
  const chosen = json ? 'json' : (format ?? 'text');
  if (chosen !== 'text' && chosen !== 'json' && chosen !== 'markdown')
    throw new UsageError(`--format ${chosen} is not known: use text, json or markdown.`);
  return chosen;
}

function rulesOf(values: readonly string[]): FailOnRule[] {
  try {
    return parseFailOn(values);
  } catch (error) {
    if (error instanceof FailOnRuleError) throw new UsageError(error.message);
    throw error;
  }
}

async function inputOf(
  session: ArchiveSession,
  path: string,
  query: string | undefined,
  platform: string | undefined,
  which: 'old' | 'new',
): Promise<CompareInput> {
  const pick = pickImage(session.info, query, platform);
  if ('error' in pick) {
    // The picker's sentence names --image; this command's flag is --image-old or --image-new.
    throw new InputError(
      `${path} (the ${which} image): ${pick.error.replace(/--image\b/g, `--image-${which}`)}`,
    );
  }
  return {
    session,
    image: pick.image,
    options: { settings: loaderSettings(pick.image), sqlite: await nodeSqliteOptions() },
  };
}

function render(result: CompareJson, format: Format): string {
  if (format === 'json') return JSON.stringify(result, withoutPageFields, 2) + '\n';
  if (format === 'markdown') return compareMarkdown(result);
  return compareText(result);
}

async function emit(text: string, output: string | undefined, io: CliIo): Promise<void> {
  if (output === undefined || output === '-') {
    io.stdout(text);
    return;
  }
  await writeFile(output, text).catch((error: unknown) => {
    throw new InputError(
      `${output} cannot be written: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
}

async function writeGraph(file: string, svg: string | null, io: CliIo): Promise<void> {
  if (svg === null) {
    io.stderr(`strata compare: no library link was added or removed, so ${file} was not written.\n`);
    return;
  }
  const body = /\.png$/i.test(file) ? await svgToPng(svg) : svg;
  await writeFile(file, body).catch((error: unknown) => {
    throw new InputError(
      `${file} cannot be written: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
}

export const compare: Command = async (args, io) => {
  const { rest, values } = takeFailOn(args);
  const parsed = parseArgs(rest, {
    values: ['--image-old', '--image-new', '--platform', '--format', '-o', '--output', '--graph'],
    booleans: ['--json'],
  });
  const [oldPath, newPath, ...extra] = parsed.positionals;
  if (!oldPath || !newPath || extra.length > 0) throw new UsageError(COMPARE_USAGE);
  const format = formatOf(parsed.flags.has('--json'), flagValue(parsed, '--format'));
  const rules = rulesOf(values);
  const output = flagValue(parsed, '-o') ?? flagValue(parsed, '--output');
  const platform = flagValue(parsed, '--platform');
  const graphFile = flagValue(parsed, '--graph');
  if (graphFile !== undefined && !/\.(svg|png)$/i.test(graphFile))
    throw new UsageError(`--graph ${graphFile}: name a .svg or .png file.`);

  const sources: FileSource[] = [];
  try {
    const first = await openSession(oldPath);
    sources.push(first.source);
    // The same archive twice (two images of it): open and index it once.
    const second = resolve(oldPath) === resolve(newPath) ? first : await openSession(newPath);
    if (second !== first) sources.push(second.source);
    const oldInput = await inputOf(first.session, oldPath, flagValue(parsed, '--image-old'), platform, 'old');
    const newInput = await inputOf(
      second.session,
      newPath,
      flagValue(parsed, '--image-new'),
      platform,
      'new',
    );
    // Two archives decode side by side (zlib runs on libuv's threads), a layer both hold read once.
    const [oldSide, newSide] = await readCompareSides(oldInput, newInput);
    for (const w of oldSide.warnings) io.stderr(`warning: ${oldPath} (old): ${w}\n`);
    for (const w of newSide.warnings) io.stderr(`warning: ${newPath} (new): ${w}\n`);
    // Graphviz is loaded only when a picture is asked for.
    const engine = graphFile === undefined ? null : await dotEngine();
    const report = buildCompareReport(oldSide, newSide, {
      engine,
      version: toolVersion(),
      date: todayText(),
    });
    const result = report.result;
    await emit(render(result, format), output, io);
    if (graphFile !== undefined) await writeGraph(graphFile, report.graph.exports?.svg.light ?? null, io);
    const tripped = evaluateFailOn(rules, result);
    for (const t of tripped) io.stderr(`strata compare: --fail-on ${t.rule} tripped: ${t.reason}.\n`);
    return tripped.length > 0 ? 1 : 0;
  } finally {
    for (const source of sources) await source.close();
  }
};
