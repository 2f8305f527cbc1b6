import { describe, expect, it } from 'vitest';
import type { Picture } from '../../../protocol/linkage';
import { neighbour } from './picture-navigation';

const node = (key: string, x: number, y: number, root = false) => ({
  key,
  label: key,
  note: null,
  kind: 'lib' as const,
  layer: 0,
  pkg: null,
  depth: y / 100,
  root,
  folded: false,
  x,
  y,
  width: 80,
  height: 26,
});

/** app on top; a and b below it; c under a. */
function picture(orientation: 'down' | 'right'): Picture {
  const flip = (n: ReturnType<typeof node>) => (orientation === 'down' ? n : { ...n, x: n.y, y: n.x });
  const nodes = [node('app', 100, 0, true), node('a', 50, 100), node('b', 150, 100), node('c', 50, 200)].map(
    flip,
  );
  const edges = [
    { from: 'app', to: 'a', kind: 'tree' as const, points: [], arrow: null },
    { from: 'app', to: 'b', kind: 'tree' as const, points: [], arrow: null },
    { from: 'a', to: 'c', kind: 'tree' as const, points: [], arrow: null },
    { from: 'b', to: 'c', kind: 'extra' as const, points: [], arrow: null },
  ];
  return {
    graph: { direction: 'loads', nodes, edges, hiddenEdges: 0 },
    orientation,
    nodes,
    edges,
    width: 300,
    height: 300,
  };
}

describe('neighbour', () => {
  it('down to what it loads, up to what it hangs from (not along a dashed repeat), sideways along the row', () => {
    const p = picture('down');
    expect(neighbour(p, 'app', 'down')).toBe('a');
    expect(neighbour(p, 'a', 'right')).toBe('b');
    expect(neighbour(p, 'b', 'right')).toBe('b');
    expect(neighbour(p, 'c', 'up')).toBe('a');
    expect(neighbour(p, 'app', 'up')).toBe('app');
  });

  it('follows a picture that grows to the right: right is deeper, up and down move along the column', () => {
    const p = picture('right');
    expect(neighbour(p, 'app', 'right')).toBe('a');
    expect(neighbour(p, 'a', 'down')).toBe('b');
    expect(neighbour(p, 'c', 'left')).toBe('a');
  });
});
