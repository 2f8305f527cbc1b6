/**
 * A sentence the core named (`Said`), said in the page's language: its text from the catalogue group of its
 * book, the sentences it quotes said first, numbers in the locale's digits and lists joined as the language
 * joins them. A name the catalogue does not know is said in English, as the CLI would print it.
 */
import type { TFunction } from 'i18next';
import type { Said, SaidList } from '../../protocol/messages';
import { formatCount, formatList } from './format';

export function saidListText(list: SaidList, locale: string): string {
  return formatList(list.items, locale, list.type);
}

/** The slots' values in the page's language; `sayNested` says a quoted sentence. */
export function slotValues<Nested extends object>(
  params: Readonly<Record<string, string | number | SaidList | Nested>>,
  locale: string,
  sayNested: (nested: Nested) => string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'number'
        ? formatCount(v, locale)
        : typeof v === 'string'
          ? v
          : 'items' in v
            ? saidListText(v, locale)
            : sayNested(v),
    ]),
  );
}

export function saidText(said: Said | string, t: TFunction, locale: string, english?: string): string {
  if (typeof said === 'string') return said;
  const values = slotValues(said.params, locale, (nested: Said) => saidText(nested, t, locale));
  const key = `${said.book}.${said.name}`;
  return t(key, english === undefined ? values : { ...values, defaultValue: english });
}
