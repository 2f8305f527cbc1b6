import { describe, expect, it } from 'vitest';
import { focusGraph } from './focus';
import { layoutPicture } from './layout';
import { overviewGraph } from './overview';
import { testEngine, testSource } from '../../testing/picture-test-graph';
import { LABEL_SIZE } from './layout';
import { textWidth } from './text-width';
import type { PictureSource, PlacedNode } from './picture-types';

function overlaps(a: PlacedNode, b: PlacedNode): boolean {
  return Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;
}

describe('layoutPicture (Graphviz dot)', () => {
  for (const edgeMode of ['tree', 'all'] as const) {
    it(`places every object, no two boxes overlap, depth goes down (${edgeMode})`, async () => {
      const graph = focusGraph(testSource(), '/usr/bin/app', { direction: 'loads', edgeMode })!;
      const picture = layoutPicture(graph, await testEngine());
      expect(picture.nodes.map((n) => n.key)).toEqual(graph.nodes.map((n) => n.key));
      for (const [i, a] of picture.nodes.entries()) {
        expect(a.x - a.width / 2).toBeGreaterThanOrEqual(0);
        expect(a.y + a.height / 2).toBeLessThanOrEqual(picture.height + 0.5);
        // The label fits its box: labels are never scaled, so the box is what keeps them apart.
        expect(textWidth(a.label, LABEL_SIZE, a.root)).toBeLessThan(a.width);
        for (const b of picture.nodes.slice(i + 1))
          expect(overlaps(a, b), `${a.label} / ${b.label}`).toBe(false);
      }
      expect(picture.orientation).toBe('down');
      const rows = new Map<number, number>();
      for (const n of picture.nodes) if (!n.folded) rows.set(n.depth, n.y);
      const ys = [...rows].sort((a, b) => a[0] - b[0]).map(([, y]) => y);
      for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThan(ys[i - 1]!);
      const deepest = Math.max(...picture.nodes.filter((n) => !n.folded).map((n) => n.y));
      for (const n of picture.nodes.filter((n) => n.folded)) expect(n.y).toBeGreaterThan(deepest);
      // Every drawn edge has a spline and an arrowhead at the loaded object.
      for (const e of picture.edges) {
        expect(e.points.length).toBeGreaterThanOrEqual(4);
        const to = picture.nodes.find((n) => n.key === e.to)!;
        const { x, y } = e.arrow!.tip;
        const [dx, dy] = [Math.abs(x - to.x) - to.width / 2, Math.abs(y - to.y) - to.height / 2];
        // On the box's outline: within 2 px of it on one axis, inside it on the other.
        expect(Math.max(dx, dy)).toBeLessThan(2);
        expect(Math.max(dx, dy)).toBeGreaterThan(-2);
      }
    });
  }

  it('what loads X: the root on top, arrowheads pointing back up at what is loaded', async () => {
    const graph = focusGraph(testSource(), '/usr/lib/libcrypto.so.3', {
      direction: 'loaded-by',
      edgeMode: 'tree',
    })!;
    const picture = layoutPicture(graph, await testEngine());
    const root = picture.nodes.find((n) => n.root)!;
    expect(Math.min(...picture.nodes.map((n) => n.y))).toBe(root.y);
    const edge = picture.edges.find((e) => e.to === root.key)!;
    expect(Math.abs(edge.arrow!.tip.y - (root.y + root.height / 2))).toBeLessThan(2);
  });

  it('a fan-out wider than 2,400 px grows to the right: each depth a column, boxes still apart', async () => {
    const leaves = Array.from({ length: 40 }, (_, i) => `/usr/lib/libwide-component-${i}.so.1`);
    const source: PictureSource = {
      objects: [
        { key: '/usr/bin/wide', label: 'wide', kind: 'exe', layer: 0, pkg: null },
        ...leaves.map((key) => ({ key, label: key.slice(9), kind: 'lib' as const, layer: 0, pkg: null })),
      ],
      links: leaves.map((to) => ({ from: '/usr/bin/wide', to })),
    };
    const graph = focusGraph(source, '/usr/bin/wide', { direction: 'loads', edgeMode: 'tree' })!;
    const picture = layoutPicture(graph, await testEngine());
    expect(picture.orientation).toBe('right');
    const root = picture.nodes.find((n) => n.root)!;
    for (const n of picture.nodes.filter((n) => !n.root))
      expect(n.x).toBeGreaterThan(root.x + root.width / 2);
    expect(new Set(picture.nodes.filter((n) => !n.root).map((n) => n.x)).size).toBe(1);
    for (const [i, a] of picture.nodes.entries())
      for (const b of picture.nodes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    expect(picture.width).toBeLessThan(picture.height);
  });

  it('lays out the overview of groups', async () => {
    const picture = layoutPicture(overviewGraph(testSource()), await testEngine());
    expect(picture.nodes.map((n) => n.label).sort()).toEqual([
      'app',
      'libc6',
      'libcurl4',
      'libssl3',
      'not found',
      'zlib1g',
    ]);
    expect(picture.nodes.find((n) => n.label === 'libssl3')!.note).toBe('2 libraries');
  });

  it('lays unlinked groups in rows below the linked ones, not in one long strip', async () => {
    const source = testSource();
    const lone = Array.from({ length: 40 }, (_, i) => ({
      key: `/opt/plugins/p${i}.so`,
      label: `p${i}.so`,
      kind: 'lib' as const,
      layer: 1,
      pkg: `plugin-package-number-${i}`,
    }));
    const graph = overviewGraph({ objects: [...source.objects, ...lone], links: source.links });
    const picture = layoutPicture(graph, await testEngine());
    expect(picture.nodes.map((n) => n.key)).toEqual(graph.nodes.map((n) => n.key));
    for (const [i, a] of picture.nodes.entries())
      for (const b of picture.nodes.slice(i + 1))
        expect(overlaps(a, b), `${a.label} / ${b.label}`).toBe(false);
    const unlinked = picture.nodes.filter((n) => n.label.startsWith('plugin-package'));
    expect(unlinked).toHaveLength(40);
    const linked = picture.nodes.filter((n) => !n.label.startsWith('plugin-package'));
    const linkedBottom = Math.max(...linked.map((n) => n.y + n.height / 2));
    for (const n of unlinked) expect(n.y - n.height / 2).toBeGreaterThan(linkedBottom);
    for (const n of picture.nodes) expect(n.x + n.width / 2).toBeLessThanOrEqual(picture.width + 0.5);
    expect(picture.width).toBeLessThan(1400);
    expect(new Set(unlinked.map((n) => n.y)).size).toBeGreaterThan(5);
  });
});
