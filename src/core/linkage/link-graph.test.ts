import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirImageFs } from '../../cli/testing/dir-image-fs';
import { toLddJson } from './format-ldd';
import { resolveLinkGraph, type LinkGraph } from './link-graph';

const EDGE_ROOT = join(import.meta.dirname, '../../../fixtures/linkage/edge/root');

function dumpGraph(graph: LinkGraph): string {
  const lines: string[] = [];
  for (const n of graph.nodes) {
    const extra = [n.soname && `soname=${n.soname}`, n.interpreter && `interp=${n.interpreter}`].filter(
      Boolean,
    );
    lines.push(`node ${n.kind} ${n.path}${extra.length > 0 ? ` ${extra.join(' ')}` : ''}`);
  }
  for (const e of graph.edges) lines.push(`edge ${e.from} -[${e.name} via ${e.foundVia}]-> ${e.to}`);
  for (const u of graph.unresolved) lines.push(`unresolved ${u.from} ${u.name}: ${u.reason}`);
  return lines.map((l) => `${l}\n`).join('');
}

describe('resolveLinkGraph on the committed edge root', () => {
  it('nodes, edges and unresolved names (golden)', async () => {
    const graph = await resolveLinkGraph(dirImageFs(EDGE_ROOT));
    await expect(dumpGraph(graph)).toMatchFileSnapshot('../../../fixtures/linkage/golden/edge-graph.txt');
  });

  it('keeps one ldd result per executable, with the JSON contract keys', async () => {
    const graph = await resolveLinkGraph(dirImageFs(EDGE_ROOT));
    const json = toLddJson(graph.loads.get('/opt/t/bin/runpath-origin')!);
    expect(json).toEqual({
      version: 1,
      path: '/opt/t/bin/runpath-origin',
      interpreter: '/lib64/ld-linux-x86-64.so.2',
      status: 'dynamic',
      libraries: [
        {
          name: 'libone.so.1',
          path: '/opt/t/bin/../lib/libone.so.1',
          realPath: '/opt/t/lib/libone.so.1',
          foundVia: 'runpath',
          neededBy: ['/opt/t/bin/runpath-origin'],
        },
        {
          name: 'libtwo.so.1',
          path: null,
          realPath: null,
          foundVia: null,
          neededBy: ['/opt/t/bin/../lib/libone.so.1'],
        },
      ],
      versions: [
        { file: '/opt/t/bin/runpath-origin', library: 'libone.so.1', version: 'ONE_1.0', found: true },
      ],
      errors: [],
    });
  });
});
