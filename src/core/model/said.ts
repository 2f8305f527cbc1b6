/**
 * A sentence as data: the name of its text in a book of sentences, and what fills its `{{slots}}`. A slot holds
 * text kept as written (a path, a package name, a message from a library), a number, a list of words, or
 * another sentence, so a warning that quotes an error ("Layer 3 is compared as empty: <why>") keeps the
 * quoted error by name too. The CLI prints the English (`renderSaid`); the page says each book from its
 * catalogue group of the same name, inside out, in its own language (src/ui/i18n/said-text.ts).
 */

/** Words joined into one slot: the CLI joins them as its English always did, the page by `Intl.ListFormat`. */
export interface SaidList {
  readonly items: readonly string[];
  /** English: "a, b and c" or "a, b, c". */
  readonly join: 'and' | 'comma';
  /** How the page's language joins them: "a、b和c" or "a、b或c". */
  readonly type: 'conjunction' | 'disjunction';
}

export type SaidValue = string | number | SaidList | Said;

export interface Said {
  /** The book (and the catalogue group of the page) that holds the text. */
  readonly book: string;
  readonly name: string;
  readonly params: Readonly<Record<string, SaidValue>>;
}

/** A book's English texts, and how its numbers are written ("1,234" or "1234", as its sentences always were). */
export interface SaidBook {
  readonly texts: Readonly<Record<string, string>>;
  readonly number?: (n: number) => string;
}

export function saidList(
  items: readonly string[],
  join: SaidList['join'] = 'and',
  type: SaidList['type'] = 'conjunction',
): SaidList {
  return { items, join, type };
}

export function isSaidList(value: SaidValue): value is SaidList {
  return typeof value === 'object' && 'items' in value;
}

/** "a, b and c" for a sentence. */
export function listForSentence(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

export function renderSaidList(list: SaidList): string {
  return list.join === 'and' ? listForSentence(list.items) : list.items.join(', ');
}

/**
 * A book of sentences by name: `say` makes one as data, `render` gives its English as the CLI prints it. Each
 * book's texts are also the catalogue group of the same name in the page.
 */
export function sentenceBook<Name extends string>(book: string, texts: Readonly<Record<Name, string>>) {
  return {
    say: (name: Name, params: Readonly<Record<string, SaidValue>> = {}): Said => ({ book, name, params }),
    render: (said: Said): string => renderSaid(said, { [book]: { texts } }),
  };
}

/** The English text, as the CLI prints it; a book missing from `books` leaves its sentence's name. */
export function renderSaid(said: Said, books: Readonly<Record<string, SaidBook>>): string {
  const book = books[said.book];
  const text = book?.texts[said.name];
  if (book === undefined || text === undefined) return said.name;
  return text.replace(/\{\{(\w+)\}\}/g, (slot, key: string) => {
    const value = said.params[key];
    if (value === undefined) return slot;
    if (typeof value === 'number') return book.number ? book.number(value) : String(value);
    if (typeof value === 'string') return value;
    return isSaidList(value) ? renderSaidList(value) : renderSaid(value, books);
  });
}
