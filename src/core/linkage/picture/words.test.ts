/** A picture's words: the CLI's English by default, another language's when given, slots filled either way. */
import { describe, expect, it } from 'vitest';
import type { PictureMeta } from './picture-types';
import { pictureFooter, pictureSubtitle, pictureTitle } from './title';
import { PICTURE_WORDS, type PictureWords } from './words';

const meta: PictureMeta = {
  imageName: 'localhost/app:1',
  imageId: 'sha256:0123456789abcdef0123',
  layer: 2,
  topLayer: 4,
  focus: '/usr/bin/curl',
  direction: 'loads',
  edgeMode: 'tree',
  colorBy: 'layer',
  version: '0.1.0',
  date: '2026-12-03',
};
const zh: PictureWords = {
  ...PICTURE_WORDS,
  titleLoads: '{{focus}} 加载了什么',
  atLayer: '位于 L{{layer}}（共 L0–L{{top}}）',
  howLoads: '每个对象画在第一个需要它的对象之下',
  footer: 'strata {{version}} · {{date}} · 按镜像自己的加载器解析',
};

describe('picture words', () => {
  it('are English by default', () => {
    expect(pictureTitle(meta)).toBe('what /usr/bin/curl loads');
    expect(pictureSubtitle(meta)).toBe(
      'localhost/app:1 · 0123456789ab · at L2 of L0–L4 · each object under the first object that needs it',
    );
    expect(pictureFooter(meta)).toBe(
      "strata 0.1.0 · 2026-12-03 · resolved as the image's own loader would (emulated, nothing ran)",
    );
  });

  it("follow the words given, e.g. the page's Chinese", () => {
    const chinese = { ...meta, words: zh };
    expect(pictureTitle(chinese)).toBe('/usr/bin/curl 加载了什么');
    expect(pictureSubtitle(chinese)).toBe(
      'localhost/app:1 · 0123456789ab · 位于 L2（共 L0–L4） · 每个对象画在第一个需要它的对象之下',
    );
    expect(pictureFooter(chinese)).toBe('strata 0.1.0 · 2026-12-03 · 按镜像自己的加载器解析');
  });
});
