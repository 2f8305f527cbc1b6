import { describe, expect, it } from 'vitest';
import { focusGraph } from './focus';
import { testSource } from '../../testing/picture-test-graph';

const keys = (list: readonly { key: string }[]) => list.map((n) => n.key);

describe('focusGraph', () => {
  it('puts each object at its breadth-first depth and hangs it under its first needer (tree mode)', () => {
    const graph = focusGraph(testSource(), '/usr/bin/app', { direction: 'loads', edgeMode: 'tree' })!;
    const depth = new Map(graph.nodes.map((n) => [n.label, n.depth]));
    expect(Object.fromEntries(depth)).toEqual({
      app: 0,
      'libcurl.so.4': 1,
      'libz.so.1': 1,
      'libc.so.6': 1,
      'ld-linux-x86-64.so.2': 1,
      'libssl.so.3': 2,
      'libcrypto.so.3': 2,
      'libgone.so.1': 2,
    });
    // libcrypto is needed by libcurl first (breadth-first), libssl's need of it is a repeat.
    expect(graph.edges.filter((e) => e.kind === 'tree').map((e) => `${e.from} -> ${e.to}`)).toEqual([
      '/usr/bin/app -> /usr/lib/libcurl.so.4',
      '/usr/bin/app -> /usr/lib/libz.so.1',
      '/usr/lib/libcurl.so.4 -> /usr/lib/libssl.so.3',
      '/usr/lib/libcurl.so.4 -> /usr/lib/libcrypto.so.3',
    ]);
    expect(graph.edges.filter((e) => e.kind === 'missing')).toEqual([
      { from: '/usr/lib/libcurl.so.4', to: 'missing:libgone.so.1', kind: 'missing' },
    ]);
    expect(graph.nodes.find((n) => n.label === 'libz.so.1')!.note).toBe('also needed by 2 more');
  });

  it('folds libc and the loader into badges, and unfolds them on request', () => {
    const graph = focusGraph(testSource(), '/usr/bin/app', { direction: 'loads', edgeMode: 'all' })!;
    const libc = graph.nodes.find((n) => n.label === 'libc.so.6')!;
    expect(libc).toMatchObject({ folded: true, note: 'needed by all 5' });
    expect(graph.nodes.find((n) => n.kind === 'interpreter')).toMatchObject({
      folded: true,
      note: 'needed by 2 of 6',
    });
    expect(graph.edges.some((e) => e.to === libc.key)).toBe(false);
    // All-edges mode draws the repeats, dashed.
    expect(graph.edges.filter((e) => e.kind === 'extra').length).toBe(3);
    const unfolded = focusGraph(testSource(), '/usr/bin/app', {
      direction: 'loads',
      edgeMode: 'all',
      unfold: [libc.key],
    })!;
    expect(unfolded.edges.filter((e) => e.to === libc.key).length).toBe(5);
  });

  it('what loads a library: the loaders above it, edges still from loader to loaded', () => {
    const graph = focusGraph(testSource(), '/usr/lib/libssl.so.3', {
      direction: 'loaded-by',
      edgeMode: 'tree',
    })!;
    expect(keys(graph.nodes)).toEqual([
      '/usr/lib/libssl.so.3',
      '/usr/lib/libcurl.so.4',
      '/usr/bin/other',
      '/usr/bin/app',
    ]);
    expect(graph.edges).toContainEqual({
      from: '/usr/lib/libcurl.so.4',
      to: '/usr/lib/libssl.so.3',
      kind: 'tree',
    });
    expect(graph.nodes.every((n) => !n.folded)).toBe(true);
  });

  it('answers null for a key the source does not have', () => {
    expect(focusGraph(testSource(), '/nope', { direction: 'loads', edgeMode: 'tree' })).toBeNull();
  });
});
