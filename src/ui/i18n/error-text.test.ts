/** Worker errors are said in the page's language by their sentence's name; English stays the core's sentence. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { RequestError } from '../../client';
import { ArchiveError, LayerError, PICTURE_WORDS, SENTENCES } from '../../core';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { errorText, sentenceText } from './error-text';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
const wire = (error: ArchiveError) =>
  new RequestError({
    code: error.code,
    message: error.message,
    ...(error.sentence ? { sentence: error.sentence } : {}),
  });

describe('errorText', () => {
  it('has the core sentences word for word in English', () => {
    expect(en.errors).toEqual(SENTENCES);
  });

  it("has the pictures' words word for word in English", () => {
    expect(en.picture).toEqual(PICTURE_WORDS);
  });

  it('says a named sentence in English exactly as the CLI prints it', () => {
    const error = ArchiveError.of('truncated', 'truncated-before-manifest', { at: 1234567 });
    expect(errorText(wire(error), i18n.getFixedT('en'), 'en')).toBe(error.message);
    expect(error.message).toBe(
      'The archive is truncated at byte 1,234,567, before its manifest; nothing can be shown.',
    );
  });

  it('says a named sentence in Simplified Chinese with the numbers in its format', () => {
    const error = ArchiveError.of('truncated', 'truncated-inside', { at: 1234567, path: 'blobs/sha256/ab' });
    expect(errorText(wire(error), i18n.getFixedT('zh-CN'), 'zh-CN')).toBe(
      '归档不完整：它在第 1,234,567 字节处结束，位于 blobs/sha256/ab 之中。',
    );
  });

  it('falls back to the English sentence for an unnamed or unknown one', () => {
    const t = i18n.getFixedT('zh-CN');
    const plain = new ArchiveError('corrupt', 'Something new went wrong.');
    expect(errorText(wire(plain), t, 'zh-CN')).toBe('Something new went wrong.');
    const unknown = new RequestError({
      code: 'corrupt',
      message: 'A sentence from a newer worker.',
      sentence: { name: 'from-the-future' as never, params: {} },
    });
    expect(errorText(unknown, t, 'zh-CN')).toBe('A sentence from a newer worker.');
    expect(errorText(new Error('The picture could not be drawn.'), t, 'zh-CN')).toBe(
      'The picture could not be drawn.',
    );
  });

  it('says a package database too large to read in Simplified Chinese', () => {
    const error = new RequestError({
      code: 'absurd-size',
      message: '/var/lib/rpm/rpmdb.sqlite holds more than 1,073,741,824 bytes.',
      sentence: { name: 'file-too-large', params: { path: '/var/lib/rpm/rpmdb.sqlite', limit: 1073741824 } },
    });
    expect(errorText(error, i18n.getFixedT('zh-CN'), 'zh-CN')).toBe(
      '/var/lib/rpm/rpmdb.sqlite 超过 1,073,741,824 字节，超出本工具读取的软件包数据库上限；未读取。',
    );
  });

  it("says a layer's failure by its sentence, the CLI's English unchanged", () => {
    const error = LayerError.of('layer-tar-bad-checksum', { at: '1536' });
    expect(error.message).toBe(
      "This layer's tar is damaged: The tar header at byte 1536 is corrupt (bad checksum).",
    );
    expect(sentenceText(error.sentence, error.message, i18n.getFixedT('zh-CN'), 'zh-CN')).toBe(
      '此层的 tar 已损坏：第 1536 字节处的 tar 头已损坏（校验和错误）。',
    );
    expect(sentenceText(null, 'not included', i18n.getFixedT('zh-CN'), 'zh-CN')).toBe('not included');
  });
});
