/**
 * An error as a sentence in the page's language: a worker error that names its sentence is said from the
 * catalogue (`errors.<name>`, numbers in the locale's digits); anything else, or a name the catalogue does
 * not know yet, is shown as the English sentence it came with.
 */
import type { TFunction } from 'i18next';
import { RequestError } from '../../client';
import { formatCount } from './format';

export function errorText(error: unknown, t: TFunction, locale: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof RequestError) || error.wire.sentence === undefined) return message;
  const { name, params } = error.wire.sentence;
  const key = `errors.${name}`;
  const values = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? formatCount(v, locale) : v]),
  );
  return t(key, { ...values, defaultValue: message });
}
