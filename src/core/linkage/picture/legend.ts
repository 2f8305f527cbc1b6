/** A legend entry for every colour, shape and line a picture uses, and nothing it does not use. */
import { CHANGE_FILLS, colouring } from './colors';
import type { ChangeState, ColorBy, ShownGraph } from './picture-types';

export type LegendEntry =
  | { readonly type: 'fill'; readonly fill: string; readonly label: string }
  | {
      readonly type: 'shape';
      readonly shape: 'exe' | 'lib' | 'interpreter' | 'missing' | 'root' | 'group' | 'opened';
      readonly label: string;
    }
  | {
      readonly type: 'line';
      readonly line: 'tree' | 'extra' | 'missing' | ChangeState;
      readonly label: string;
    };

const CHANGE_WORDS: Readonly<Record<ChangeState, [object: string, edge: string]>> = {
  added: ['object only in the new image', 'load added'],
  removed: ['object only in the old image', 'load removed (dashed)'],
  unchanged: ['object in both', 'load in both'],
};

/** A linkage change's legend: the box fills and the lines of each state drawn, in added, removed, unchanged order. */
function changeLegend(graph: ShownGraph): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const nodeStates = new Set(graph.nodes.map((n) => n.change));
  const edgeStates = new Set(graph.edges.map((e) => e.change));
  for (const state of ['added', 'removed', 'unchanged'] as const)
    if (nodeStates.has(state))
      entries.push({ type: 'fill', fill: CHANGE_FILLS[state], label: CHANGE_WORDS[state][0] });
  for (const state of ['added', 'removed', 'unchanged'] as const)
    if (edgeStates.has(state)) entries.push({ type: 'line', line: state, label: CHANGE_WORDS[state][1] });
  return entries;
}

export function pictureLegend(graph: ShownGraph, colorBy: ColorBy, topLayer: number): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const kinds = new Set(graph.nodes.map((n) => n.kind));
  const overview = graph.direction === 'overview';
  if (graph.nodes.some((n) => n.root))
    entries.push({ type: 'shape', shape: 'root', label: 'the focused object' });
  if (overview) {
    entries.push({ type: 'shape', shape: 'group', label: 'a group of objects (package or directory)' });
    if (kinds.has('exe')) entries.push({ type: 'shape', shape: 'exe', label: 'a group of programs only' });
    if (graph.nodes.some((n) => n.group !== undefined))
      entries.push({ type: 'shape', shape: 'opened', label: 'an opened group, around its objects' });
  } else {
    if (kinds.has('exe')) entries.push({ type: 'shape', shape: 'exe', label: 'program' });
    if (kinds.has('lib')) entries.push({ type: 'shape', shape: 'lib', label: 'shared library' });
    if (kinds.has('interpreter'))
      entries.push({ type: 'shape', shape: 'interpreter', label: 'the loader (ELF interpreter)' });
  }
  if (kinds.has('missing')) entries.push({ type: 'shape', shape: 'missing', label: 'needed, not found' });
  if (graph.nodes.some((n) => n.change !== undefined)) return [...entries, ...changeLegend(graph)];
  const edgeKinds = new Set(graph.edges.map((e) => e.kind));
  if (edgeKinds.has('tree'))
    entries.push({
      type: 'line',
      line: 'tree',
      label: overview
        ? 'A loads B'
        : graph.edges.some((e) => e.kind === 'extra')
          ? 'A loads B (first need)'
          : 'A loads B',
    });
  if (edgeKinds.has('extra')) entries.push({ type: 'line', line: 'extra', label: 'A also loads B' });
  if (edgeKinds.has('missing'))
    entries.push({ type: 'line', line: 'missing', label: 'A needs a name nothing provides' });
  const { keys } = colouring(graph.nodes, colorBy, topLayer);
  const by = colorBy === 'layer' ? 'the layer that put it there' : 'its package';
  keys.forEach((key, i) =>
    entries.push({
      type: 'fill',
      fill: key.fill,
      label: i === 0 ? `${key.label} (colour: ${by})` : key.label,
    }),
  );
  return entries;
}
