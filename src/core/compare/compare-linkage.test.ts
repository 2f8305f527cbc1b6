/** Linkage old against new on small hand-made link graphs: one rule per case. */
import { describe, expect, it } from 'vitest';
import type { LinkGraph, LinkNode } from '../linkage/link-graph';
import { compareLinkage, libraryStem } from './compare-linkage';

const node = (path: string, needed: string[] = [], kind: LinkNode['kind'] = 'lib'): LinkNode => ({
  path,
  kind,
  soname: undefined,
  interpreter: undefined,
  needed,
});

function graph(
  nodes: LinkNode[],
  edges: [string, string, string][],
  unresolved: [string, string][] = [],
): LinkGraph {
  return {
    nodes,
    edges: edges.map(([from, name, to]) => ({ from, to, name, foundVia: 'default' })),
    unresolved: unresolved.map(([from, name]) => ({ from, name, reason: 'not found' })),
    loads: new Map(),
  };
}

const L = '/usr/lib';

describe('compareLinkage', () => {
  const oldGraph = graph(
    [
      node('/usr/bin/curl', ['libssl.so.1.1', 'libc.so.6'], 'exe'),
      node('/usr/bin/wget', ['libssl.so.1.1'], 'exe'),
      node(`${L}/libssl.so.1.1`, ['libc.so.6']),
      node(`${L}/libc.so.6`),
      node('/usr/bin/tool', ['libold.so.1'], 'exe'),
      node(`${L}/libold.so.1`),
    ],
    [
      ['/usr/bin/curl', 'libssl.so.1.1', `${L}/libssl.so.1.1`],
      ['/usr/bin/curl', 'libc.so.6', `${L}/libc.so.6`],
      ['/usr/bin/wget', 'libssl.so.1.1', `${L}/libssl.so.1.1`],
      [`${L}/libssl.so.1.1`, 'libc.so.6', `${L}/libc.so.6`],
      ['/usr/bin/tool', 'libold.so.1', `${L}/libold.so.1`],
    ],
  );
  const newGraph = graph(
    [
      node('/usr/bin/curl', ['libssl.so.3', 'libc.so.6'], 'exe'),
      node('/usr/bin/wget', ['libssl.so.3'], 'exe'),
      node(`${L}/libssl.so.3`, ['libc.so.6']),
      node(`${L}/libc.so.6`),
      node('/usr/bin/tool', ['libold.so.1'], 'exe'),
    ],
    [
      ['/usr/bin/curl', 'libssl.so.3', `${L}/libssl.so.3`],
      ['/usr/bin/curl', 'libc.so.6', `${L}/libc.so.6`],
      ['/usr/bin/wget', 'libssl.so.3', `${L}/libssl.so.3`],
      [`${L}/libssl.so.3`, 'libc.so.6', `${L}/libc.so.6`],
    ],
    [['/usr/bin/tool', 'libold.so.1']],
  );

  it('objects and edges that came and went, edges as real paths', () => {
    const result = compareLinkage(oldGraph, newGraph);
    expect(result.objectsAdded).toEqual([`${L}/libssl.so.3`]);
    expect(result.objectsRemoved).toEqual([`${L}/libold.so.1`, `${L}/libssl.so.1.1`]);
    expect(result.edgesAdded).toEqual([
      { from: '/usr/bin/curl', to: `${L}/libssl.so.3` },
      { from: '/usr/bin/wget', to: `${L}/libssl.so.3` },
      { from: `${L}/libssl.so.3`, to: `${L}/libc.so.6` },
    ]);
    expect(result.edgesRemoved).toHaveLength(4);
  });

  it('a DT_NEEDED name that moved to another SONAME of the same library, with who loads it', () => {
    expect(compareLinkage(oldGraph, newGraph).sonameChanges).toEqual([
      { from: 'libssl.so.1.1', to: 'libssl.so.3', loadedBy: ['/usr/bin/curl', '/usr/bin/wget'] },
    ]);
  });

  it('names the new image cannot resolve, once each; ones the old image missed too are not new', () => {
    expect(compareLinkage(oldGraph, newGraph).unresolvedNew).toEqual([
      { path: '/usr/bin/tool', name: 'libold.so.1' },
    ]);
    expect(compareLinkage(newGraph, newGraph).unresolvedNew).toEqual([]);
  });

  it('the stem of a library name', () => {
    expect(libraryStem('libssl.so.1.1')).toBe('libssl');
    expect(libraryStem('libc.so')).toBe('libc');
    expect(libraryStem('ld-linux-x86-64.so.2')).toBe('ld-linux-x86-64');
  });
});
