/**
 * How a name resolves, said in the page's language: a phrase the core named is said from the catalogue
 * (`resolve.<name>`), its nested phrases first, numbers in the locale's digits, lists joined as the language
 * joins them; text the core keeps as written (image names, the grammar's reasons) is shown as it is.
 */
import type { TFunction } from 'i18next';
import type { Phrase } from '../../protocol/messages';
import { slotValues } from './said-text';

export function phraseText(said: Phrase | string, t: TFunction, locale: string, english?: string): string {
  if (typeof said === 'string') return said;
  const values = slotValues(said.params, locale, (nested: Phrase) => phraseText(nested, t, locale));
  return t(`resolve.${said.name}`, english === undefined ? values : { ...values, defaultValue: english });
}
