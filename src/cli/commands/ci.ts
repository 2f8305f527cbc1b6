/**
 * `strata ci [--image NAME] [--platform OS/ARCH] [--config FILE] [--json] ARCHIVE`: dive's CI gate
 * (`dive --ci`) on an archive, with dive's rules, units and verdicts, plus strata's own rules.
 */
import { readFile } from 'node:fs/promises';
import {
  evaluateCiRules,
  formatCiReport,
  formatSize,
  parseDiveCi,
  DEFAULT_CI_RULES,
  type CiFigures,
  type CiRules,
  type LayerStack,
} from '../../core';
import { UsageError, type CliIo, type Command } from '../cli-io';
import { flagValue, parseArgs } from '../args';
import { openStack, warnUnreadLayers } from './diff-stack';
import { diffFigures, type DiffFigures } from './diff-report';

export const CI_USAGE =
  'usage: strata ci [--image NAME] [--platform OS/ARCH] [--config FILE] [--json] ARCHIVE';
const LISTED = 10;

/**
 * dive reads `.dive-ci` from the current directory when it exists and uses its defaults when it
 * does not. A file named with --config must exist: dive would quietly fall back to its defaults,
 * which hides a typo in a CI script.
 */
async function loadRules(path: string | undefined, io: CliIo): Promise<{ rules: CiRules; from: string }> {
  const file = path ?? '.dive-ci';
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (path === undefined && code === 'ENOENT') return { rules: DEFAULT_CI_RULES, from: "dive's defaults" };
    throw new UsageError(
      code === 'ENOENT'
        ? `The CI rules file ${file} does not exist.`
        : `The CI rules file ${file} cannot be read (${code ?? String(error)}).`,
    );
  }
  const parsed = parseDiveCi(text);
  for (const w of parsed.warnings) io.stderr(`warning: ${file}: ${w}\n`);
  return { rules: parsed.rules, from: file };
}

function figuresOf(stack: LayerStack, figures: DiffFigures): CiFigures {
  return {
    efficiency: figures.dive.efficiency,
    wastedBytes: figures.dive.wastedBytes,
    userWastedPercent: figures.dive.userWastedPercent,
    trueWastedBytes: figures.waste.trueWastedBytes,
    imageSize: figures.dive.sizeBytes,
    forEachFinal: (visit) => {
      stack.forEachFinal((node) => {
        visit(node.path, node.mode, node.kind);
      });
    },
  };
}

function percent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(2)} %` : 'n/a';
}

/** dive's "Analysis" and "Inefficient Files" sections, with the corrected figure beside them. */
function analysisText(figures: DiffFigures, rulesFrom: string): string {
  const { dive, waste } = figures;
  let text = `Rules: ${rulesFrom}\n\nAnalysis:\n`;
  text += `  efficiency:        ${percent(dive.efficiency)}\n`;
  text += `  wastedBytes:       ${dive.wastedBytes} bytes (${formatSize(dive.wastedBytes)})\n`;
  text += `  userWastedPercent: ${percent(dive.userWastedPercent)}\n`;
  text += `  trueWastedBytes:   ${waste.trueWastedBytes} bytes (${formatSize(waste.trueWastedBytes)})\n`;
  text += `  imageSize:         ${dive.sizeBytes} bytes (${formatSize(dive.sizeBytes)})\n`;
  const listed = dive.inefficiencies.slice(0, LISTED);
  text += `\nInefficient Files:${listed.length === 0 ? ' (None)' : ''}\n`;
  if (listed.length > 0) text += `  ${'Count'.padEnd(5)}  ${'Wasted Space'.padEnd(12)}  File Path\n`;
  for (const i of listed)
    text += `  ${String(i.count).padEnd(5)}  ${formatSize(i.cumulativeSize).padEnd(12)}  ${i.path}\n`;
  if (dive.inefficiencies.length > listed.length)
    text += `  … ${dive.inefficiencies.length - listed.length} more\n`;
  return text + '\nResults:\n';
}

export const ci: Command = async (args, io) => {
  const parsed = parseArgs(args, { values: ['--image', '--platform', '--config'], booleans: ['--json'] });
  const [archive, ...rest] = parsed.positionals;
  if (!archive || rest.length > 0) throw new UsageError(CI_USAGE);
  const { rules, from } = await loadRules(flagValue(parsed, '--config'), io);
  const opened = await openStack(archive, parsed);
  try {
    const figures = diffFigures(opened.stack);
    const report = evaluateCiRules(figuresOf(opened.stack, figures), rules);
    if (parsed.flags.has('--json')) {
      const { dive, waste } = figures;
      io.stdout(
        JSON.stringify(
          {
            version: 1,
            rulesFrom: from,
            efficiency: dive.efficiency,
            wastedBytes: dive.wastedBytes,
            userWastedPercent: Number.isFinite(dive.userWastedPercent) ? dive.userWastedPercent : null,
            trueWastedBytes: waste.trueWastedBytes,
            imageSize: dive.sizeBytes,
            ...report,
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      io.stdout(analysisText(figures, from) + formatCiReport(report));
    }
    warnUnreadLayers(opened, io);
    // dive stops with an error on a rule value it cannot read; 2 tells a broken gate from a failed one.
    if (report.misconfigured) {
      io.stderr('strata ci: the CI rules are misconfigured: fix the values named above.\n');
      return 2;
    }
    return report.pass ? 0 : 1;
  } finally {
    await opened.source.close();
  }
};
