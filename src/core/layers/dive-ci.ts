/**
 * Reads a `.dive-ci` file: the small YAML subset dive's examples use (a `rules:` mapping of
 * scalars, `#` comments, quotes, `---`), plus strata's own rules, which may hold lists
 * (`forbiddenPaths: ["**\/*.pem"]` or a `- item` block). Values stay text until evaluation, the
 * way dive keeps them, so a bad value is reported against its rule instead of failing the file.
 */

/** dive's three rules, then strata's. */
export const DIVE_RULES = ['lowestEfficiency', 'highestWastedBytes', 'highestUserWastedPercent'] as const;
export const STRATA_RULES = ['maxTrueWastedBytes', 'forbiddenPaths', 'noSetuid', 'maxImageSize'] as const;
export type CiRuleName = (typeof DIVE_RULES)[number] | (typeof STRATA_RULES)[number];

export type CiRules = Readonly<Partial<Record<CiRuleName, string | readonly string[]>>>;

/** dive's defaults (runtime/ci): efficiency 0.9, user-wasted 0.1, wasted bytes off. */
export const DEFAULT_CI_RULES: CiRules = {
  lowestEfficiency: '0.9',
  highestWastedBytes: 'disabled',
  highestUserWastedPercent: '0.1',
};

export interface ParsedCiFile {
  readonly rules: CiRules;
  readonly warnings: readonly string[];
}

const KNOWN: ReadonlyMap<string, CiRuleName> = new Map(
  [...DIVE_RULES, ...STRATA_RULES].flatMap((name): [string, CiRuleName][] => [
    [name.toLowerCase(), name],
    // dive's CLI flags spell them in kebab case (--lowest-efficiency).
    [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), name],
  ]),
);

function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      return line.slice(0, i);
    }
  }
  return line;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

function parseValue(raw: string): string | string[] {
  const v = raw.trim();
  if (v.startsWith('[') && v.endsWith(']')) {
    const inner = v.slice(1, -1).trim();
    return inner === '' ? [] : inner.split(',').map(unquote);
  }
  return unquote(v);
}

interface Line {
  readonly indent: number;
  readonly text: string;
  readonly number: number;
}

function meaningfulLines(text: string): Line[] {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const body = stripComment(raw).trimEnd();
    if (body.trim() === '' || body.trim() === '---' || body.trim() === '...') return;
    lines.push({ indent: body.length - body.trimStart().length, text: body.trim(), number: index + 1 });
  });
  return lines;
}

export function parseDiveCi(text: string): ParsedCiFile {
  const warnings: string[] = [];
  const rules: Partial<Record<CiRuleName, string | readonly string[]>> = { ...DEFAULT_CI_RULES };
  const lines = meaningfulLines(text);
  let inRules = false;
  let rulesIndent = -1;
  let listFor: CiRuleName | undefined;
  for (const line of lines) {
    if (line.indent === 0) {
      inRules = /^rules\s*:\s*$/.test(line.text);
      rulesIndent = -1;
      listFor = undefined;
      continue;
    }
    if (!inRules) continue;
    if (line.text.startsWith('- ') && listFor !== undefined) {
      const list = rules[listFor];
      rules[listFor] = [
        ...(list === undefined || typeof list === 'string' ? [] : list),
        unquote(line.text.slice(2)),
      ];
      continue;
    }
    if (rulesIndent < 0) rulesIndent = line.indent;
    if (line.indent !== rulesIndent) continue;
    const colon = line.text.indexOf(':');
    if (colon < 0) {
      warnings.push(`Line ${line.number} of the CI rules is not "name: value" and was ignored.`);
      continue;
    }
    const key = unquote(line.text.slice(0, colon));
    const name = KNOWN.get(key.toLowerCase());
    const value = line.text.slice(colon + 1);
    if (name === undefined) {
      warnings.push(`Line ${line.number}: the rule "${key}" is not known here and was ignored.`);
      listFor = undefined;
      continue;
    }
    listFor = value.trim() === '' ? name : undefined;
    rules[name] = value.trim() === '' ? (name === 'forbiddenPaths' ? [] : '') : parseValue(value);
  }
  return { rules, warnings };
}
