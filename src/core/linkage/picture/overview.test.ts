import { describe, expect, it } from 'vitest';
import { overviewGraph, overviewLists } from './overview';
import { layoutPicture } from './layout';
import { pictureDot } from './dot';
import { writeSvg } from './svg';
import { testEngine, testMeta, testSource } from '../../testing/picture-test-graph';

describe('overviewGraph', () => {
  it('draws one box per group until a group is opened into its objects', () => {
    const closed = overviewGraph(testSource());
    expect(closed.nodes.map((n) => n.key)).toContain('libssl3');
    expect(closed.nodes.some((n) => n.key === '/usr/lib/libssl.so.3')).toBe(false);

    const open = overviewGraph(testSource(), ['libssl3']);
    const keys = open.nodes.map((n) => n.key);
    expect(keys).not.toContain('libssl3');
    expect(keys).toEqual(expect.arrayContaining(['/usr/lib/libssl.so.3', '/usr/lib/libcrypto.so.3']));
    expect(open.nodes.find((n) => n.key === '/usr/lib/libssl.so.3')).toMatchObject({
      label: 'libssl.so.3',
      note: 'in libssl3',
    });
    // Edges now reach the opened group's objects, not the group.
    expect(open.edges).toContainEqual(
      expect.objectContaining({ from: 'libcurl4', to: '/usr/lib/libssl.so.3' }),
    );
    expect(open.edges.some((e) => e.from === 'libssl3' || e.to === 'libssl3')).toBe(false);
  });

  it('frames an opened group around its objects, with its header above them, in the SVG and the DOT', async () => {
    const picture = layoutPicture(overviewGraph(testSource(), ['libssl3']), await testEngine());
    expect(picture.groups).toHaveLength(1);
    const frame = picture.groups![0]!;
    expect(frame.key).toBe('libssl3');
    for (const key of ['/usr/lib/libssl.so.3', '/usr/lib/libcrypto.so.3']) {
      const n = picture.nodes.find((m) => m.key === key)!;
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(frame.x);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(frame.x + frame.width);
      // Room for the header between the frame's top and the first member.
      expect(n.y - n.height / 2).toBeGreaterThanOrEqual(frame.y + 20);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(frame.y + frame.height);
    }
    const meta = testMeta({ focus: null, direction: 'overview', colorBy: 'package' });
    const svg = writeSvg(picture, meta);
    expect(svg).toContain('<g data-group="libssl3"><title>libssl3</title>');
    expect(svg).toContain('>an opened group, around its objects</text>');
    expect(pictureDot(picture.graph, meta)).toMatch(
      /subgraph cluster_g0 \{ label="libssl3";.* n\d+; n\d+; \}/,
    );
    expect(layoutPicture(overviewGraph(testSource()), await testEngine()).groups).toBeUndefined();
  });
});

describe('overviewLists', () => {
  it('names the object behind each ranked row', () => {
    const [loaded, programs] = overviewLists(testSource());
    expect(loaded!.keys).toHaveLength(loaded!.rows.length);
    expect(loaded!.keys![0]).toBe('/usr/lib/libc.so.6');
    expect(programs!.keys).toContain('/usr/bin/app');
  });
});
