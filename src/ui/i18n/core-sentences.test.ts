/**
 * The sentences and picture words the core writes are said in both languages: every name the core can emit
 * has a text in each catalogue, with the same `{{slots}}` as the core's English, so a page in Chinese never
 * falls back to the English sentence or shows an unfilled slot.
 */
import { describe, expect, it } from 'vitest';
import {
  COMPARE_SENTENCES,
  ELF_SENTENCES,
  LAYER_SENTENCES,
  PACKAGE_SENTENCES,
  PICTURE_WORDS,
  RESOLVE_SENTENCES,
  SENTENCES,
} from '../../core';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** The books of sentences said by name (`Said`), each with the catalogue group of the same name. */
const BOOKS = {
  packageSentences: PACKAGE_SENTENCES,
  compareSentences: COMPARE_SENTENCES,
  layerSentences: LAYER_SENTENCES,
  elfSentences: ELF_SENTENCES,
} as const;

/** Words outside the slots: a text that is only slots ("{{path}}: {{problem}}") may read the same in both. */
const hasWords = (text: string) => /\p{L}/u.test(text.replace(/\{\{\s*\w+\s*\}\}/g, ''));

const slots = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!))].sort().join(' ');

/** Each name whose catalogue text is missing or has other slots than the core's English. */
function differences(
  core: Readonly<Record<string, string>>,
  catalogue: Readonly<Record<string, unknown>>,
): string[] {
  return Object.entries(core).flatMap(([name, english]) => {
    const text = catalogue[name];
    if (typeof text !== 'string') return [`${name}: missing`];
    return slots(text) === slots(english) ? [] : [`${name}: {{${slots(text)}}} for {{${slots(english)}}}`];
  });
}

describe("the core's sentences", () => {
  for (const [language, catalogue] of [
    ['en', en],
    ['zh-CN', zhCN],
  ] as const) {
    it(`each have a text in ${language} with the same slots`, () => {
      expect(differences(SENTENCES, catalogue.errors)).toEqual([]);
    });

    it(`each picture word has a text in ${language} with the same slots`, () => {
      expect(differences(PICTURE_WORDS, catalogue.picture)).toEqual([]);
    });

    it(`each sentence explaining a name has a text in ${language} with the same slots`, () => {
      expect(differences(RESOLVE_SENTENCES, catalogue.resolve)).toEqual([]);
    });

    for (const [book, core] of Object.entries(BOOKS)) {
      it(`each of ${book} has a text in ${language} with the same slots`, () => {
        expect(differences(core, catalogue[book as keyof typeof BOOKS])).toEqual([]);
      });
    }
  }

  it('are said in Chinese, not copied from English', () => {
    const copied = [
      ...Object.entries(zhCN.errors).filter(
        ([name, text]) => text === (SENTENCES as Record<string, string>)[name],
      ),
      ...Object.entries(zhCN.resolve).filter(
        ([name, text]) => text === (RESOLVE_SENTENCES as Record<string, string>)[name],
      ),
      ...Object.entries(BOOKS).flatMap(([book, core]) =>
        Object.entries(zhCN[book as keyof typeof BOOKS])
          .filter(([name, text]) => hasWords(text) && text === (core as Record<string, string>)[name])
          .map(([name]) => [`${book}.${name}`]),
      ),
    ].map(([name]) => name);
    expect(copied).toEqual([]);
  });

  it('said by name are the English catalogue word for word', () => {
    for (const [book, core] of Object.entries(BOOKS)) expect(en[book as keyof typeof BOOKS]).toEqual(core);
  });

  it('explaining a name are the English catalogue word for word', () => {
    expect(en.resolve).toEqual(RESOLVE_SENTENCES);
  });
});
