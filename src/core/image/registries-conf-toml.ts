/**
 * registries.conf is TOML: smol-toml reads it, and a pass over the lines finds where each assignment stands, so that
 * a complaint about a value (a registry name, an alias) names the line a user must open. The result is a flat list
 * of assignments, each with its line.
 */
import { parse, TomlError as SmolTomlError, type TomlValue } from 'smol-toml';

export type { TomlValue };

export interface TomlAssignment {
  /** The header the key sits under, e.g. "aliases" or "registry[1]" for the second `[[registry]]`; "" at the top. */
  readonly table: string;
  readonly key: string;
  readonly value: TomlValue;
  readonly line: number;
}

export interface TomlError {
  readonly line: number;
  readonly message: string;
  /** smol-toml's words for the problem, and its 1-based column. */
  readonly reason: string;
  readonly column: number;
}

/** One key part: bare, "basic" (with escapes) or 'literal'. */
const KEY_PART = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`;
const DOTTED_KEY = String.raw`${KEY_PART}(?:[ \t]*\.[ \t]*${KEY_PART})*`;
const HEADER = new RegExp(String.raw`^[ \t]*(\[\[?)[ \t]*(${DOTTED_KEY})[ \t]*\]`);
const ASSIGNMENT = new RegExp(String.raw`^[ \t]*(${DOTTED_KEY})[ \t]*=`);

function keyParts(dotted: string): string[] {
  const parts: string[] = [];
  for (const match of dotted.matchAll(new RegExp(KEY_PART, 'g'))) {
    const part = match[0];
    if (part.startsWith('"')) parts.push(parse(`k = ${part}`)['k'] as string);
    else parts.push(part.startsWith("'") ? part.slice(1, -1) : part);
  }
  return parts;
}

function valueAt(root: TomlValue, path: readonly (string | number)[]): TomlValue | undefined {
  let at: TomlValue | undefined = root;
  for (const step of path) {
    if (at === undefined || typeof at !== 'object') return undefined;
    at = Array.isArray(at) ? at[step as number] : (at as Record<string, TomlValue | undefined>)[step];
  }
  return at;
}

/** Whether a line opens or closes a multi-line string (an odd number of """ or ''' on it). */
function togglesMultiline(line: string): boolean {
  return ((line.split('"""').length - 1) % 2 === 1) !== ((line.split("'''").length - 1) % 2 === 1);
}

/** Parses the text; a syntax error comes back with its 1-based line number. */
export function parseToml(text: string): TomlAssignment[] | TomlError {
  // Editors on Windows may start the file with a byte-order mark; TOML allows it.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let doc: TomlValue;
  try {
    doc = parse(body);
  } catch (error) {
    if (!(error instanceof SmolTomlError)) throw error;
    const reason = error.message.replace(/^Invalid TOML document: /, '').split('\n')[0] ?? '';
    return { line: error.line, message: `${reason} (column ${error.column})`, reason, column: error.column };
  }
  const out: TomlAssignment[] = [];
  const arrayCounts = new Map<string, number>();
  let table = '';
  let tablePath: (string | number)[] = [];
  let inMultiline = false;
  body.split('\n').forEach((line, i) => {
    if (inMultiline) {
      inMultiline = !togglesMultiline(line);
      return;
    }
    const header = HEADER.exec(line);
    if (header !== null) {
      const parts = keyParts(header[2]!);
      const name = parts.join('.');
      if (header[1] === '[[') {
        const index = arrayCounts.get(name) ?? 0;
        arrayCounts.set(name, index + 1);
        table = `${name}[${index}]`;
        tablePath = [...parts, index];
      } else {
        table = name;
        tablePath = parts;
      }
      return;
    }
    const assignment = ASSIGNMENT.exec(line);
    if (assignment === null) return;
    const parts = keyParts(assignment[1]!);
    const value = valueAt(doc, [...tablePath, ...parts]);
    if (value !== undefined) out.push({ table, key: parts.join('.'), value, line: i + 1 });
    inMultiline = togglesMultiline(line.slice(assignment[0].length));
  });
  return out;
}
