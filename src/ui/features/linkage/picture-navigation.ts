/**
 * Keyboard moves over the shown picture: down to the first object it leads to, up to the object it hangs
 * from, left and right along its row. Pure, so the rules are tested without a page.
 */
import type { Picture } from '../../../protocol/linkage';

export type Move = 'up' | 'down' | 'left' | 'right';

export function neighbour(picture: Picture, current: string, move: Move): string {
  const forward = picture.graph.direction !== 'loaded-by';
  const node = picture.nodes.find((n) => n.key === current);
  if (node === undefined) return current;
  if (move === 'left' || move === 'right') {
    const row = picture.nodes.filter((n) => Math.abs(n.y - node.y) < 1).sort((a, b) => a.x - b.x);
    const at = row.findIndex((n) => n.key === current);
    return row[at + (move === 'left' ? -1 : 1)]?.key ?? current;
  }
  for (const e of picture.edges) {
    const [near, far] = forward ? [e.from, e.to] : [e.to, e.from];
    if (move === 'down' && near === current) return far;
    if (move === 'up' && far === current && e.kind !== 'extra') return near;
  }
  return current;
}
