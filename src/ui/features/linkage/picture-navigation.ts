/**
 * Keyboard moves over the shown picture: down (right, when the picture grows to the right) to the first
 * object it leads to, up (left) to the object it hangs from, and along its row (column) with the other two.
 */
import type { Picture } from '../../../protocol/linkage';

export type Move = 'up' | 'down' | 'left' | 'right';

export function neighbour(picture: Picture, current: string, move: Move): string {
  const forward = picture.graph.direction !== 'loaded-by';
  const node = picture.nodes.find((n) => n.key === current);
  if (node === undefined) return current;
  const across = picture.orientation === 'right';
  // Along the row (down) or column (right): the objects at this depth.
  const sideways = across ? move === 'up' || move === 'down' : move === 'left' || move === 'right';
  if (sideways) {
    const row = picture.nodes
      .filter((n) => (across ? Math.abs(n.x - node.x) < 1 : Math.abs(n.y - node.y) < 1))
      .sort((a, b) => (across ? a.y - b.y : a.x - b.x));
    const at = row.findIndex((n) => n.key === current);
    return row[at + (move === 'left' || move === 'up' ? -1 : 1)]?.key ?? current;
  }
  const deeper = move === (across ? 'right' : 'down');
  for (const e of picture.edges) {
    const [near, far] = forward ? [e.from, e.to] : [e.to, e.from];
    if (deeper && near === current) return far;
    if (!deeper && far === current && e.kind !== 'extra') return near;
  }
  return current;
}
