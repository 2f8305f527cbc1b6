/** A broken registries.conf's syntax error is said by name, in English exactly as smol-toml words it. */
import { describe, expect, it } from 'vitest';
import { parseRegistriesConf } from './registries-conf';
import { renderPhrase, type Phrase } from './resolve-sentences';

/** A hand-edited file's common mistakes and the sentence each is said with. */
const CASES: [string, string, string][] = [
  ['a value without quotes', 'short-name-mode = enforcing\n', 'toml-invalid-value'],
  ['a string not closed', 'unqualified-search-registries = ["docker.io]\n', 'toml-control-string'],
  ['two items without a comma', 'unqualified-search-registries = ["a" "b"]\n', 'toml-expected-comma'],
  ['two keys on one line', 'a = "x" b = "y"\n', 'toml-end-of-line'],
  ['a table header not closed', '[aliases\n', 'toml-key-char'],
  ['a key set twice', 'a = 1\na = 2\n', 'toml-redefine-table'],
  ['an escape TOML has not', 'a = "\\q"\n', 'toml-escape'],
  ['a [[table]] not closed', '[[registry]\n', 'toml-table-array'],
  ['a dotted key cut short', 'a. = 1\n', 'toml-end-of-key'],
  ['anything else, kept as written', 'a = 1979-13-01\n', 'toml-other'],
];

describe('registries.conf syntax errors', () => {
  it.each(CASES)('%s', (_what, text, name) => {
    const parsed = parseRegistriesConf(text);
    if (!('kind' in parsed)) throw new Error('the file should not parse');
    const problem = parsed.sentence.params['problem'] as Phrase;
    expect(problem.name).toBe(name);
    expect(renderPhrase(parsed.sentence)).toBe(parsed.message);
    expect(parsed.message).toMatch(/^line \d+: .+ \(column \d+\)$/);
  });

  it('keeps the line and column smol-toml gives', () => {
    const parsed = parseRegistriesConf('# registries\n\nshort-name-mode = enforcing\n');
    expect('kind' in parsed && parsed.message).toBe('line 3: invalid value (column 19)');
  });
});
