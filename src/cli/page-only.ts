/**
 * The JSON the CLI prints is a contract: the names of sentences, which only the page reads to say them in
 * its language, are left out of it, so the output stays as it was before the page learnt other languages.
 */
const PAGE_ONLY = new Set([
  'errorSentence',
  'warningSentences',
  'noteSentence',
  'absentSentence',
  'explanationSentences',
  'noteSentences',
  'podmanPullSentence',
  'problemSentences',
]);

/** A `JSON.stringify` replacer that drops the page-only fields. */
export function withoutPageFields(key: string, value: unknown): unknown {
  return PAGE_ONLY.has(key) ? undefined : value;
}
