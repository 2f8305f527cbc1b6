/**
 * An error as a sentence in the page's language: a worker error that names its sentence is said from the
 * catalogue (`errors.<name>`, numbers in the locale's digits); anything else, or a name the catalogue does
 * not know yet, is shown as the English sentence it came with.
 */
import type { TFunction } from 'i18next';
import { RequestError } from '../../client';
import type { Sentence } from '../../protocol/messages';
import { formatCount } from './format';

/** A named core sentence from the catalogue; `english` (the core's own text) when it has no name or key. */
export function sentenceText(
  sentence: Sentence | null | undefined,
  english: string,
  t: TFunction,
  locale: string,
): string {
  if (!sentence) return english;
  const values = Object.fromEntries(
    Object.entries(sentence.params).map(([k, v]) => [k, typeof v === 'number' ? formatCount(v, locale) : v]),
  );
  return t(`errors.${sentence.name}`, { ...values, defaultValue: english });
}

export function errorText(error: unknown, t: TFunction, locale: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof RequestError)) return message;
  return sentenceText(error.wire.sentence, message, t, locale);
}
