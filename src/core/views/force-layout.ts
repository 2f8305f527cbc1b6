/**
 * A force layout of the whole graph, computed off the page's thread (in the worker, or in Node) so the
 * page only draws (docs/conventions.md#d3-computes-react-draws). A fixed number of ticks keeps it bounded for
 * thousands of nodes. d3-force is plain arithmetic: no DOM.
 */
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';

interface Datum extends SimulationNodeDatum {
  readonly index: number;
  readonly weight: number;
}

const collide = () => forceCollide<Datum>((d) => 6 + Math.sqrt(d.weight) * 2);

export function layoutGraph(
  count: number,
  edges: readonly { source: number; target: number }[],
  weights: readonly number[],
): { x: number; y: number }[] {
  const nodes: Datum[] = Array.from({ length: count }, (_, index) => ({
    index,
    weight: weights[index] ?? 0,
  }));
  const links = edges.map((e) => ({ source: e.source, target: e.target }));
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  // Large graphs cool faster and use a coarser many-body approximation: the first paint must not wait
  // seconds for a layout the user will pan around anyway.
  const large = count > 1000;
  const ticks = large ? 90 : 300;
  const simulation = forceSimulation(nodes)
    .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
    .force('link', forceLink(links).distance(40).strength(0.3))
    .force(
      'charge',
      forceManyBody<Datum>()
        .strength((d) => -30 - Math.sqrt(d.weight) * 12)
        .distanceMax(600)
        .theta(large ? 1.2 : 0.9),
    )
    .force('collide', large ? null : collide())
    // Objects nothing links (static binaries) are held close, or they drift far and shrink the fitted view.
    .force(
      'x',
      forceX<Datum>(0).strength((d) => (linked.has(d.index) ? 0.03 : 0.2)),
    )
    .force(
      'y',
      forceY<Datum>(0).strength((d) => (linked.has(d.index) ? 0.03 : 0.2)),
    )
    .force('center', forceCenter(0, 0))
    .stop();
  for (let i = 0; i < ticks; i++) {
    // Collisions only matter once the layout has settled.
    if (large && i === Math.floor(ticks * 0.6)) simulation.force('collide', collide());
    simulation.tick();
  }
  return nodes.map((n) => ({ x: Math.round((n.x ?? 0) * 10) / 10, y: Math.round((n.y ?? 0) * 10) / 10 }));
}
