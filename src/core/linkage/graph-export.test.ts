import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirImageFs } from '../../cli/testing/dir-image-fs';
import { toGraphDot, toGraphJson, type GraphExportContext } from './graph-export';
import { resolveLinkGraph, type LinkGraph } from './link-graph';

const EDGE_ROOT = join(import.meta.dirname, '../../../fixtures/linkage/edge/root');
const GOLDEN = '../../../fixtures/linkage-sample/golden';

/** The edge root as if /opt/t/lib came in a second layer and the musl files belonged to a package. */
const CONTEXT: GraphExportContext = {
  image: { id: 'sha256:0123456789abcdef', names: ['localhost/edge:1'] },
  layerOf: (path) => (path.startsWith('/opt/t/lib/') ? 1 : 0),
  packageOf: (path) => (path.startsWith('/opt/t/musl/') ? 'musl-demo' : null),
};

const tiny: LinkGraph = {
  nodes: [
    { path: '/app/say "hi"', kind: 'exe', soname: undefined, interpreter: undefined, needed: ['libx.so'] },
    { path: '/lib/libx.so', kind: 'lib', soname: 'libx.so', interpreter: undefined, needed: [] },
  ],
  edges: [{ from: '/app/say "hi"', to: '/lib/libx.so', name: 'libx.so', foundVia: 'default' }],
  unresolved: [{ from: '/lib/libx.so', name: 'liby.so', reason: 'not found' }],
  loads: new Map(),
};

describe('toGraphJson', () => {
  it('the edge root (golden)', async () => {
    const graph = await resolveLinkGraph(dirImageFs(EDGE_ROOT));
    const json = JSON.stringify(toGraphJson(graph, CONTEXT), null, 2) + '\n';
    await expect(json).toMatchFileSnapshot(`${GOLDEN}/edge-graph.json`);
  });

  it('counts distinct direct dependents and leaves unknown layers and owners null', () => {
    const json = toGraphJson(tiny, { image: { id: 'sha256:1', names: [] } });
    expect(json.version).toBe(1);
    expect(json.nodes).toEqual([
      { path: '/app/say "hi"', kind: 'exe', soname: null, layer: null, package: null, dependents: 0 },
      { path: '/lib/libx.so', kind: 'lib', soname: 'libx.so', layer: null, package: null, dependents: 1 },
    ]);
    expect(json.unresolved).toEqual([{ from: '/lib/libx.so', name: 'liby.so', reason: 'not found' }]);
  });
});

describe('toGraphDot', () => {
  it('the edge root (golden): clusters per layer, red unresolved names', async () => {
    const graph = await resolveLinkGraph(dirImageFs(EDGE_ROOT));
    await expect(toGraphDot(graph, CONTEXT)).toMatchFileSnapshot(`${GOLDEN}/edge-graph.dot`);
  });

  it('escapes quotes in paths and draws one red node per missing name', () => {
    const dot = toGraphDot(tiny, { image: { id: 'sha256:1', names: [] } });
    expect(dot).toContain('"/app/say \\"hi\\"" [label="say \\"hi\\"", shape=box');
    expect(dot).toContain('"unresolved:liby.so" [label="liby.so", shape=ellipse, color=red, fontcolor=red];');
    expect(dot).toContain('"/lib/libx.so" -> "unresolved:liby.so" [color=red, style=dashed');
    expect(dot).not.toContain('cluster_');
    expect(dot.startsWith('digraph strata {\n')).toBe(true);
    expect(dot.endsWith('}\n')).toBe(true);
  });
});
