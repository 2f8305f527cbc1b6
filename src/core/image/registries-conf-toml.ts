/**
 * The part of TOML that containers-registries.conf(5) files use: comments, `[table]` and `[[array]]` headers,
 * bare, quoted and dotted keys, basic and literal strings, booleans, numbers, arrays (over several lines) and
 * inline tables (`mirror = [{ location = "…" }]`). Multi-line strings and dates are refused with a sentence.
 * The result is a flat list of assignments, each with its line, so that callers can point at the line.
 */

export type TomlValue = string | number | boolean | TomlValue[] | { [key: string]: TomlValue };

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
}

interface Cursor {
  readonly text: string;
  at: number;
  line: number;
}

class TomlSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const BARE_KEY = /[A-Za-z0-9_-]/;

function peek(c: Cursor): string {
  return c.text[c.at] ?? '';
}

function skipBlank(c: Cursor, newlines: boolean): void {
  for (;;) {
    const ch = peek(c);
    if (ch === ' ' || ch === '\t' || ch === '\r') c.at++;
    else if (ch === '#') while (c.at < c.text.length && peek(c) !== '\n') c.at++;
    else if (ch === '\n' && newlines) {
      c.at++;
      c.line++;
    } else return;
  }
}

function expect(c: Cursor, ch: string, what: string): void {
  if (peek(c) !== ch) throw new TomlSyntaxError(c.line, `expected ${what}, found ${describe(peek(c))}`);
  c.at++;
}

function describe(ch: string): string {
  if (ch === '') return 'the end of the file';
  if (ch === '\n') return 'the end of the line';
  return `'${ch}'`;
}

function readString(c: Cursor): string {
  const quote = peek(c);
  if (c.text.startsWith(quote.repeat(3), c.at)) {
    throw new TomlSyntaxError(
      c.line,
      'multi-line strings are not supported here; write the value on one line',
    );
  }
  c.at++;
  let out = '';
  for (;;) {
    const ch = peek(c);
    if (ch === '' || ch === '\n') throw new TomlSyntaxError(c.line, `the string has no closing ${quote}`);
    c.at++;
    if (ch === quote) return out;
    if (ch !== '\\' || quote === "'") {
      out += ch;
      continue;
    }
    out += readEscape(c);
  }
}

function readEscape(c: Cursor): string {
  const ch = peek(c);
  c.at++;
  const simple: Record<string, string> = {
    b: '\b',
    t: '\t',
    n: '\n',
    f: '\f',
    r: '\r',
    '"': '"',
    '\\': '\\',
  };
  const known = simple[ch];
  if (known !== undefined) return known;
  if (ch === 'u' || ch === 'U') {
    const width = ch === 'u' ? 4 : 8;
    const hex = c.text.slice(c.at, c.at + width);
    if (!new RegExp(`^[0-9A-Fa-f]{${width}}$`).test(hex)) {
      throw new TomlSyntaxError(c.line, `'\\${ch}' needs ${width} hex digits`);
    }
    c.at += width;
    return String.fromCodePoint(parseInt(hex, 16));
  }
  throw new TomlSyntaxError(c.line, `unknown escape '\\${ch}' in a string`);
}

function readKeyPart(c: Cursor): string {
  const ch = peek(c);
  if (ch === '"' || ch === "'") return readString(c);
  const start = c.at;
  while (BARE_KEY.test(peek(c))) c.at++;
  if (c.at === start) throw new TomlSyntaxError(c.line, `expected a key, found ${describe(ch)}`);
  return c.text.slice(start, c.at);
}

/** A key, dotted or not; the parts are joined with '.' (registries.conf has no key that contains a dot). */
function readKey(c: Cursor): string {
  const parts = [readKeyPart(c)];
  skipBlank(c, false);
  while (peek(c) === '.') {
    c.at++;
    skipBlank(c, false);
    parts.push(readKeyPart(c));
    skipBlank(c, false);
  }
  return parts.join('.');
}

function readValue(c: Cursor): TomlValue {
  const ch = peek(c);
  if (ch === '"' || ch === "'") return readString(c);
  if (ch === '[') return readArray(c);
  if (ch === '{') return readInlineTable(c);
  const word = /^[A-Za-z0-9_+.:-]+/.exec(c.text.slice(c.at))?.[0] ?? '';
  c.at += word.length;
  if (word === 'true') return true;
  if (word === 'false') return false;
  const number = word.replaceAll('_', '');
  if (/^[+-]?(\d+(\.\d+)?([eE][+-]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+)$/.test(number))
    return Number(number);
  if (word === '') throw new TomlSyntaxError(c.line, `expected a value, found ${describe(ch)}`);
  throw new TomlSyntaxError(c.line, `'${word}' is not a value; strings need quotes`);
}

function readArray(c: Cursor): TomlValue[] {
  const startLine = c.line;
  c.at++;
  const items: TomlValue[] = [];
  for (;;) {
    skipBlank(c, true);
    if (peek(c) === ']') break;
    if (peek(c) === '') throw new TomlSyntaxError(startLine, "the array has no closing ']'");
    items.push(readValue(c));
    skipBlank(c, true);
    if (peek(c) === ',') c.at++;
    else if (peek(c) === '') throw new TomlSyntaxError(startLine, "the array has no closing ']'");
    else if (peek(c) !== ']')
      throw new TomlSyntaxError(c.line, `expected ',' or ']' in the array, found ${describe(peek(c))}`);
  }
  c.at++;
  return items;
}

function readInlineTable(c: Cursor): { [key: string]: TomlValue } {
  c.at++;
  const table: { [key: string]: TomlValue } = {};
  skipBlank(c, false);
  if (peek(c) === '}') {
    c.at++;
    return table;
  }
  for (;;) {
    skipBlank(c, false);
    const key = readKey(c);
    expect(c, '=', `'=' after '${key}'`);
    skipBlank(c, false);
    table[key] = readValue(c);
    skipBlank(c, false);
    if (peek(c) === '}') break;
    expect(c, ',', "',' or '}' in the inline table");
  }
  c.at++;
  return table;
}

function endOfLine(c: Cursor): void {
  skipBlank(c, false);
  if (peek(c) !== '\n' && peek(c) !== '') {
    throw new TomlSyntaxError(c.line, `expected the end of the line, found ${describe(peek(c))}`);
  }
}

/** Parses the text; the first syntax error stops it, with its 1-based line number. */
export function parseToml(text: string): TomlAssignment[] | TomlError {
  // Editors on Windows may start the file with a byte-order mark; TOML allows it.
  const c: Cursor = { text, at: text.startsWith('\uFEFF') ? 1 : 0, line: 1 };
  const out: TomlAssignment[] = [];
  const seen = new Map<string, number>();
  const arrayCounts = new Map<string, number>();
  let table = '';
  try {
    for (;;) {
      skipBlank(c, true);
      if (c.at >= text.length) return out;
      if (peek(c) === '[') {
        const isArray = text.startsWith('[[', c.at);
        c.at += isArray ? 2 : 1;
        skipBlank(c, false);
        const name = readKey(c);
        expect(c, ']', `']' after the table name '${name}'`);
        if (isArray) expect(c, ']', `']]' after the table name '${name}'`);
        const index = arrayCounts.get(name) ?? 0;
        if (isArray) arrayCounts.set(name, index + 1);
        table = isArray ? `${name}[${index}]` : name;
        endOfLine(c);
        continue;
      }
      const line = c.line;
      const key = readKey(c);
      expect(c, '=', `'=' after the key '${key}'`);
      skipBlank(c, false);
      const value = readValue(c);
      endOfLine(c);
      const id = `${table}\u0000${key}`;
      const first = seen.get(id);
      if (first !== undefined) throw new TomlSyntaxError(line, `'${key}' is already set on line ${first}`);
      seen.set(id, line);
      out.push({ table, key, value, line });
    }
  } catch (error) {
    if (error instanceof TomlSyntaxError) return { line: error.line, message: error.message };
    throw error;
  }
}
