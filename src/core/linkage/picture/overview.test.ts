import { describe, expect, it } from 'vitest';
import { overviewGraph, overviewLists } from './overview';
import { testSource } from '../../testing/picture-test-graph';

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
});

describe('overviewLists', () => {
  it('names the object behind each ranked row', () => {
    const [loaded, programs] = overviewLists(testSource());
    expect(loaded!.keys).toHaveLength(loaded!.rows.length);
    expect(loaded!.keys![0]).toBe('/usr/lib/libc.so.6');
    expect(programs!.keys).toContain('/usr/bin/app');
  });
});
