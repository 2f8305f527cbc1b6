/**
 * Every way an archive can be unreadable, each with a sentence a user can act on
 * (docs/conventions.md#errors-are-sentences). The code lets the UI and tests tell them apart; the sentence is
 * what is shown. A sentence made by `ArchiveError.of` also carries its name and parameters, so the page can
 * say it in the user's language (its catalogues hold the same English templates) while the CLI prints the
 * English sentence.
 */
import { SENTENCES, type SentenceName, type SentenceParams } from './error-sentences';

export type ArchiveErrorCode =
  | 'empty'
  | 'not-a-tar'
  | 'not-an-image'
  | 'unsupported-format'
  | 'unsupported-compression'
  | 'truncated'
  | 'corrupt'
  | 'missing-blob'
  | 'bad-metadata'
  | 'absurd-size'
  | 'too-many-entries'
  | 'no-such-image'
  | 'cancelled';

/** Which sentence an error says, and what fills it. */
export interface Sentence {
  readonly name: SentenceName;
  readonly params: SentenceParams;
}

/** Fills `{{name}}` slots; numbers are written as the CLI has always written them (1,234). */
export function renderSentence(name: SentenceName, params: SentenceParams): string {
  return SENTENCES[name].replace(/\{\{(\w+)\}\}/g, (slot, key: string) => {
    const value = params[key];
    if (value === undefined) return slot;
    return typeof value === 'number' ? value.toLocaleString('en') : value;
  });
}

export class ArchiveError extends Error {
  override name = 'ArchiveError';
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
    readonly sentence?: Sentence,
  ) {
    super(message);
  }

  /** An error whose English sentence comes from the table of named sentences. */
  static of(code: ArchiveErrorCode, name: SentenceName, params: SentenceParams = {}): ArchiveError {
    return new ArchiveError(code, renderSentence(name, params), { name, params });
  }
}
