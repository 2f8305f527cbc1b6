/**
 * The English sentences of a comparison's warnings, by a stable name: each quotes another sentence (a layer's
 * error, a package reader's), which keeps its own name, so the page says the whole warning in its language,
 * inside out. The page's catalogues hold the same names under `compareSentences`; the CLI prints the English,
 * built as it always was. Names are a contract between the worker and the page: add, never rename.
 */
import type { Sentence } from '../archive/archive-error';
import { SENTENCES } from '../archive/error-sentences';
import { renderSaid, sentenceBook, type Said } from '../model/said';
import { PACKAGE_BOOK, PACKAGE_SENTENCES } from '../packages/package-sentences';

export const COMPARE_SENTENCES = {
  'side-old': '{{name}} (old): {{warning}}',
  'side-new': '{{name}} (new): {{warning}}',
  'layer-empty': 'Layer {{n}} is compared as empty: {{why}}.',
  // Why, when the layer's status has no sentence of its own.
  'layer-failed': 'failed',
  'layer-absent': 'absent',
  'package-db-unreadable': 'A package database cannot be read: {{error}}',
} as const;

export type CompareSentenceName = keyof typeof COMPARE_SENTENCES;

export const COMPARE_BOOK = 'compareSentences';
/** The catalogue group of the archive and layer errors (SENTENCES). */
export const ERRORS_BOOK = 'errors';

export const compareSaid = sentenceBook<CompareSentenceName>(COMPARE_BOOK, COMPARE_SENTENCES).say;

/** An archive or layer error's sentence, quoted inside another. */
export function errorSaid(sentence: Sentence): Said {
  return { book: ERRORS_BOOK, name: sentence.name, params: sentence.params };
}

/** The English of a comparison's warning: the books its sentences can quote. */
export function renderCompareSaid(said: Said): string {
  return renderSaid(said, {
    [COMPARE_BOOK]: { texts: COMPARE_SENTENCES },
    [PACKAGE_BOOK]: { texts: PACKAGE_SENTENCES },
    [ERRORS_BOOK]: {
      texts: SENTENCES,
      number: (n) => n.toLocaleString('en'),
    },
  });
}
