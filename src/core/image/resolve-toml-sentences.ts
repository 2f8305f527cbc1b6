/**
 * A TOML syntax error in registries.conf, said by name: smol-toml's messages for the mistakes a hand-edited
 * file makes (a missing quote or bracket, a value without quotes, a key set twice) each have a sentence
 * (`toml-*` in resolve-sentences.ts), in English exactly as smol-toml words it; any other message is kept as
 * written inside a generic sentence. Both name the column, which smol-toml counts from 1.
 */
import { phrase, type Phrase, type ResolveSentenceName } from './resolve-sentences';

const KINDS: Readonly<Record<string, ResolveSentenceName>> = {
  'unfinished string': 'toml-unfinished-string',
  'unfinished array': 'toml-unfinished-array',
  'unfinished table': 'toml-unfinished-table',
  'invalid value': 'toml-invalid-value',
  'expected comma or end of structure': 'toml-expected-comma',
  'each key-value declaration must be followed by an end-of-line': 'toml-end-of-line',
  'incomplete key-value: cannot find end of key': 'toml-incomplete-key',
  'unexpected end of key': 'toml-end-of-key',
  'illegal character in key': 'toml-key-char',
  'illegal empty bare key': 'toml-empty-key',
  'expected end of table array declaration': 'toml-table-array',
  'trying to redefine an already defined table or value': 'toml-redefine-table',
  'trying to redefine an already defined value': 'toml-redefine-value',
  'control characters are not allowed in strings': 'toml-control-string',
  'control characters are not allowed in comments': 'toml-control-comment',
  'unrecognised escape sequence': 'toml-escape',
};

/** The problem of a syntax error at `column` (1-based), as smol-toml states it in `reason`. */
export function tomlProblem(reason: string, column: number): Phrase {
  const name = KINDS[reason];
  return name === undefined ? phrase('toml-other', { reason, column }) : phrase(name, { column });
}
