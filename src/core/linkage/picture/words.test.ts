/** A picture's words: the CLI's English by default, another language's when given, slots filled either way. */
import { describe, expect, it } from 'vitest';
import { testSource } from '../../testing/picture-test-graph';
import { colouring } from './colors';
import { focusGraph } from './focus';
import { overviewGraph, overviewLists } from './overview';
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
  layerTop: 'L{{layer}}（顶层）',
  layerUnknown: '层未知',
  neededBySome: '{{possible}} 个中有 {{count}} 个需要',
  alsoNeededBy: '另有 {{count}} 个对象也需要它',
  notFound: '未找到',
  namesOne: '{{count}} 个名称',
  inGroup: '属于 {{group}}',
  listMostLoaded: '被加载最多的库',
  listNeedIt: '{{name}}：{{count}} 个需要',
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

  it('write the notes, badges, colour keys and ranked lists in the words given', () => {
    const focused = focusGraph(testSource(), '/usr/bin/app', {
      direction: 'loads',
      edgeMode: 'tree',
      words: zh,
    })!;
    const notes = focused.nodes.map((n) => n.note).filter((n) => n !== null);
    expect(notes).toContain('6 个中有 2 个需要');
    expect(notes.some((n) => n.startsWith('另有 '))).toBe(true);
    expect(colouring(focused.nodes, 'layer', 2, zh).keys.map((k) => k.label)).toContain('L2（顶层）');

    const overview = overviewGraph(testSource(), ['libssl3'], zh);
    expect(overview.nodes.find((n) => n.key === 'not found')).toMatchObject({
      label: '未找到',
      note: '1 个名称',
    });
    expect(overview.nodes.find((n) => n.key === '/usr/lib/libssl.so.3')?.note).toBe('属于 libssl3');
    const lists = overviewLists(testSource(), zh);
    expect(lists[0]!.heading).toBe('被加载最多的库');
    expect(lists[2]!.rows).toEqual(['libgone.so.1：1 个需要']);
  });

  it('keep the English of the CLI when none are given', () => {
    const focused = focusGraph(testSource(), '/usr/bin/app', { direction: 'loads', edgeMode: 'tree' })!;
    expect(focused.nodes.map((n) => n.note)).toContain('needed by 2 of 6');
    const overview = overviewGraph(testSource());
    expect(overview.nodes.find((n) => n.key === 'not found')).toMatchObject({
      label: 'not found',
      note: '1 name',
    });
    expect(overviewLists(testSource()).map((l) => l.heading)).toEqual([
      'Most-loaded libraries',
      'Programs loading the most (directly)',
      'Names nothing provides',
    ]);
  });
});
