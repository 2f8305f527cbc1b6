/** The linkage change as a picture: which objects and edges are drawn, how they are marked, and the SVG's words. */
import { describe, expect, it } from 'vitest';
import type { LinkGraph, LinkNode } from '../linkage/link-graph';
import { layoutPicture } from '../linkage/picture/layout';
import { testEngine, testMeta } from '../testing/picture-test-graph';
import { pictureFileName } from '../linkage/picture/title';
import { writeSvg } from '../linkage/picture/svg';
import { compareLinkage } from './compare-linkage';
import { linkageDiffGraph } from './diff-graph';

const node = (path: string, kind: LinkNode['kind'] = 'lib', soname?: string): LinkNode => ({
  path,
  kind,
  soname,
  interpreter: undefined,
  needed: [],
});

const graph = (nodes: LinkNode[], edges: [string, string][]): LinkGraph => ({
  nodes,
  edges: edges.map(([from, to]) => ({ from, to, name: to, foundVia: 'default' })),
  unresolved: [],
  loads: new Map(),
});

const L = '/usr/lib';
const oldGraph = graph(
  [node('/usr/bin/curl', 'exe'), node(`${L}/libssl.so.1.1`, 'lib', 'libssl.so.1.1'), node(`${L}/libc.so.6`)],
  [
    ['/usr/bin/curl', `${L}/libssl.so.1.1`],
    ['/usr/bin/curl', `${L}/libc.so.6`],
    [`${L}/libssl.so.1.1`, `${L}/libc.so.6`],
  ],
);
const newGraph = graph(
  [node('/usr/bin/curl', 'exe'), node(`${L}/libssl.so.3`, 'lib', 'libssl.so.3'), node(`${L}/libc.so.6`)],
  [
    ['/usr/bin/curl', `${L}/libssl.so.3`],
    ['/usr/bin/curl', `${L}/libc.so.6`],
    [`${L}/libssl.so.3`, `${L}/libc.so.6`],
  ],
);
const diff = linkageDiffGraph(oldGraph, newGraph, compareLinkage(oldGraph, newGraph));

describe('linkageDiffGraph', () => {
  it('marks each object and edge added, removed or unchanged, unchanged edges first', () => {
    const states = Object.fromEntries(diff.graph.nodes.map((n) => [n.label, n.change]));
    expect(states).toEqual({
      curl: 'unchanged',
      'libssl.so.3': 'added',
      'libssl.so.1.1': 'removed',
      'libc.so.6': 'unchanged',
    });
    expect(diff.graph.edges.map((e) => e.change)).toEqual([
      'unchanged',
      'added',
      'added',
      'removed',
      'removed',
    ]);
    expect(diff.graph.nodes.find((n) => n.label === 'curl')!.depth).toBe(0);
    expect(diff.omittedNodes).toBe(0);
  });

  it('leaves objects out beyond the limit and says how many', () => {
    const small = linkageDiffGraph(oldGraph, newGraph, compareLinkage(oldGraph, newGraph), 2);
    expect(small.graph.nodes).toHaveLength(2);
    expect(small.omittedNodes).toBe(2);
  });

  it('is drawn by the picture writer with the "old → new" title, a change legend and the footer', async () => {
    const picture = layoutPicture(diff.graph, await testEngine());
    const meta = testMeta({
      imageName: 'localhost/app:2',
      imageId: 'sha256:' + 'b'.repeat(64),
      focus: null,
      against: { imageName: 'localhost/app:1', imageId: 'sha256:' + 'a'.repeat(64) },
    });
    const svg = writeSvg(picture, meta, { theme: 'dark' });
    expect(svg).toContain(`aria-label="localhost/app:1 (aaaaaaaaaaaa) → localhost/app:2 (bbbbbbbbbbbb)"`);
    for (const words of [
      'object only in the new image',
      'object only in the old image',
      'object in both',
      'load added',
      'load removed (dashed)',
      'load in both',
      'resolved as the image&#39;s own loader would',
    ])
      expect(svg).toContain(words);
    expect(svg.match(/class="edge--added"/g)).toHaveLength(2);
    expect(svg.match(/class="node--removed"/g)).toHaveLength(1);
    expect(svg).toContain('stroke="#15803d"');
    expect(svg).not.toMatch(/font-size="([0-9]|10(\.\d+)?)"/);
    expect(pictureFileName(meta, 'png')).toBe('app_1-to-app_2-linkage-change.png');
  });
});
