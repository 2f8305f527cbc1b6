/**
 * The sentences and picture words the core writes are said in both languages: every name the core can emit
 * has a text in each catalogue, with the same `{{slots}}` as the core's English, so a page in Chinese never
 * falls back to the English sentence or shows an unfilled slot.
 */
import { describe, expect, it } from 'vitest';
import { PICTURE_WORDS, RESOLVE_SENTENCES, SENTENCES } from '../../core';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

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
  }

  it('are said in Chinese, not copied from English', () => {
    const copied = [
      ...Object.entries(zhCN.errors).filter(
        ([name, text]) => text === (SENTENCES as Record<string, string>)[name],
      ),
      ...Object.entries(zhCN.resolve).filter(
        ([name, text]) => text === (RESOLVE_SENTENCES as Record<string, string>)[name],
      ),
    ].map(([name]) => name);
    expect(copied).toEqual([]);
  });

  it('explaining a name are the English catalogue word for word', () => {
    expect(en.resolve).toEqual(RESOLVE_SENTENCES);
  });
});
