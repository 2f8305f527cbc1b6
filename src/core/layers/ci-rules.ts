/**
 * Evaluates .dive-ci rules against an image's figures. dive's three rules keep dive's exact
 * comparisons (runtime/ci/rule.go): FAIL when threshold > efficiency, when wasted > threshold
 * bytes, when threshold < wasted/user; "disabled", "off", "false" or an empty value skips a rule.
 * A value that does not parse fails its rule with a sentence and marks the report misconfigured.
 */
import type { EntryKind } from '../model/tar-entry';
import { parseByteSize } from './byte-units';
import { DIVE_RULES, STRATA_RULES, type CiRuleName, type CiRules } from './dive-ci';
import { compileGlob } from './glob';
import type { LayerStack } from './layer-stack';

export interface CiFigures {
  readonly efficiency: number;
  readonly wastedBytes: number;
  readonly userWastedPercent: number;
  readonly trueWastedBytes: number;
  /** dive's image size: the sum of every layer's tar header sizes. */
  readonly imageSize: number;
  /** Visits every path of the final image; needed by forbiddenPaths and noSetuid. */
  readonly forEachFinal?: (visit: (path: string, mode: number, kind: EntryKind) => void) => void;
}

export type CiStatus = 'PASS' | 'FAIL' | 'SKIP';

export interface CiRuleResult {
  readonly rule: CiRuleName;
  readonly status: CiStatus;
  /** The measured figure, as text ("0.9844", "32025 B", "2 paths"). */
  readonly figure: string;
  /** The configured value, as written. */
  readonly threshold: string;
  readonly message: string;
}

export interface CiReport {
  readonly results: readonly CiRuleResult[];
  readonly pass: boolean;
  readonly misconfigured: boolean;
}

const OFF = new Set(['disabled', 'off', 'false', '']);
const MAX_LISTED = 5;

export function ciFigures(stack: LayerStack): CiFigures {
  const dive = stack.diveFigures();
  return {
    efficiency: dive.efficiency,
    wastedBytes: dive.wastedBytes,
    userWastedPercent: dive.userWastedPercent,
    trueWastedBytes: stack.trueWaste(0).trueWastedBytes,
    imageSize: dive.sizeBytes,
    forEachFinal: (visit) => {
      stack.forEachFinal((node) => {
        visit(node.path, node.mode, node.kind);
      });
    },
  };
}

type Outcome = Omit<CiRuleResult, 'rule' | 'threshold'> & { readonly invalid?: boolean };

function invalid(message: string): Outcome {
  return { status: 'FAIL', figure: '', message, invalid: true };
}

function fraction(value: string, rule: string): number | Outcome {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    return invalid(`${rule} must be a number between 0 and 1, not "${value}".`);
  }
  return n;
}

function bytesLimit(value: string, figure: number, what: string): Outcome {
  const size = parseByteSize(value);
  if (!size.ok) return invalid(size.message);
  const status = figure > size.bytes ? 'FAIL' : 'PASS';
  return {
    status,
    figure: `${figure} B`,
    message: `${what} ${figure} B ${status === 'FAIL' ? '>' : '≤'} ${size.bytes} B`,
  };
}

function matchingPaths(
  figures: CiFigures,
  keep: (path: string, mode: number, kind: EntryKind) => boolean,
): string[] | Outcome {
  if (figures.forEachFinal === undefined)
    return invalid('This rule needs the image file list, which was not provided.');
  const found: string[] = [];
  figures.forEachFinal((path, mode, kind) => {
    if (keep(path, mode, kind)) found.push(path);
  });
  return found.sort();
}

function pathsOutcome(found: string[] | Outcome, what: string): Outcome {
  if (!Array.isArray(found)) return found;
  const listed = found.slice(0, MAX_LISTED).join(', ') + (found.length > MAX_LISTED ? ', …' : '');
  return found.length === 0
    ? { status: 'PASS', figure: '0 paths', message: `no ${what}` }
    : { status: 'FAIL', figure: `${found.length} paths`, message: `${what}: ${listed}` };
}

function evaluate(rule: CiRuleName, value: string | readonly string[], figures: CiFigures): Outcome {
  if (rule === 'forbiddenPaths') {
    const globs = (typeof value === 'string' ? [value] : value).map((g) => compileGlob(g));
    return pathsOutcome(
      matchingPaths(figures, (path) => globs.some((g) => g.matches(path))),
      'forbidden paths',
    );
  }
  if (typeof value !== 'string') return invalid(`${rule} takes one value, not a list.`);
  switch (rule) {
    case 'lowestEfficiency': {
      const limit = fraction(value, rule);
      if (typeof limit !== 'number') return limit;
      const fail = limit > figures.efficiency;
      const message = `efficiency ${figures.efficiency} ${fail ? '<' : '≥'} ${limit}`;
      return { status: fail ? 'FAIL' : 'PASS', figure: String(figures.efficiency), message };
    }
    case 'highestWastedBytes':
      return bytesLimit(value, figures.wastedBytes, 'wasted (dive)');
    case 'highestUserWastedPercent': {
      const limit = fraction(value, rule);
      if (typeof limit !== 'number') return limit;
      const fail = limit < figures.userWastedPercent;
      const message = `wasted/user ${figures.userWastedPercent} ${fail ? '>' : '≤'} ${limit}`;
      return { status: fail ? 'FAIL' : 'PASS', figure: String(figures.userWastedPercent), message };
    }
    case 'maxTrueWastedBytes':
      return bytesLimit(value, figures.trueWastedBytes, 'hidden bytes');
    case 'maxImageSize':
      return bytesLimit(value, figures.imageSize, 'image size');
    case 'noSetuid':
      if (value.toLowerCase() !== 'true') return invalid(`noSetuid is true or off, not "${value}".`);
      // Set-user-ID and set-group-ID bits on anything but a directory (setgid dirs are routine).
      return pathsOutcome(
        matchingPaths(figures, (_path, mode, kind) => kind !== 'dir' && (mode & 0o6000) !== 0),
        'setuid/setgid files',
      );
  }
}

export function evaluateCiRules(figures: CiFigures, rules: CiRules): CiReport {
  const results: CiRuleResult[] = [];
  let misconfigured = false;
  for (const rule of [...DIVE_RULES, ...STRATA_RULES]) {
    const value = rules[rule];
    if (value === undefined) continue;
    const threshold = typeof value === 'string' ? value : value.join(', ');
    if (typeof value === 'string' && OFF.has(value.trim().toLowerCase())) {
      results.push({ rule, status: 'SKIP', figure: '', threshold, message: 'rule disabled' });
      continue;
    }
    const { invalid: bad, ...outcome } = evaluate(rule, value, figures);
    if (bad === true) misconfigured = true;
    results.push({ rule, threshold, ...outcome });
  }
  return { results, pass: results.every((r) => r.status !== 'FAIL'), misconfigured };
}

export function formatCiReport(report: CiReport): string {
  const lines = report.results.map(
    (r) => `${r.status}: ${r.rule}${r.message === '' ? '' : `: ${r.message}`}`,
  );
  const count = (status: CiStatus): number => report.results.filter((r) => r.status === status).length;
  lines.push(
    `Result: ${report.pass ? 'PASS' : 'FAIL'} [Total:${report.results.length}] [Passed:${count('PASS')}] ` +
      `[Failed:${count('FAIL')}] [Skipped:${count('SKIP')}]${report.misconfigured ? ' (misconfigured)' : ''}`,
  );
  return lines.join('\n') + '\n';
}
