/** A warning that quotes other sentences is said inside out in the page's language; in English as the CLI prints it. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { renderCompareSaid, saidList, type Said } from '../../core';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { saidText } from './said-text';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

const WARNING: Said = {
  book: 'compareSentences',
  name: 'side-old',
  params: {
    name: 'app:1',
    warning: {
      book: 'compareSentences',
      name: 'layer-empty',
      params: { n: 3, why: { book: 'errors', name: 'layer-tar-bad-checksum', params: { at: 1024 } } },
    },
  },
};

describe('saidText', () => {
  it('says a nested warning in English exactly as the CLI does', () => {
    const t = i18n.getFixedT('en');
    expect(saidText(WARNING, t, 'en')).toBe(renderCompareSaid(WARNING));
  });

  it('says a nested warning in Chinese, the quoted error too, numbers in the locale', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(saidText(WARNING, t, 'zh-CN')).toBe(
      'app:1（旧）：第 3 层按空层比较：此层的 tar 已损坏：第 1,024 字节处的 tar 头已损坏（校验和错误）。',
    );
  });

  it('joins a list slot as the language does', () => {
    const t = i18n.getFixedT('zh-CN');
    const said: Said = {
      book: 'resolve',
      name: 'podman-tried',
      params: { names: saidList(['a:1', 'b:1', 'c:1'], 'comma') },
    };
    expect(saidText(said, t, 'zh-CN')).toMatch(/a:1、b:1和c:1/);
  });

  it('shows text without a name as it is written, and an unknown name in the English given', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(saidText('as written', t, 'zh-CN')).toBe('as written');
    expect(saidText({ book: 'compareSentences', name: 'no-such', params: {} }, t, 'zh-CN', 'English')).toBe(
      'English',
    );
  });
});
