/** A legend entry for every colour, shape and line a picture uses, and nothing it does not use. */
import { CHANGE_FILLS, colouring } from './colors';
import type { ChangeState, ColorBy, ShownGraph } from './picture-types';
import { word, type PictureWordName, type PictureWords } from './words';

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

const CHANGE_WORDS: Readonly<Record<ChangeState, [object: PictureWordName, edge: PictureWordName]>> = {
  added: ['changeAddedObject', 'changeAddedLoad'],
  removed: ['changeRemovedObject', 'changeRemovedLoad'],
  unchanged: ['changeUnchangedObject', 'changeUnchangedLoad'],
};

/** A linkage change's legend: the box fills and the lines of each state drawn, in added, removed, unchanged order. */
function changeLegend(graph: ShownGraph, words: PictureWords | undefined): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const nodeStates = new Set(graph.nodes.map((n) => n.change));
  const edgeStates = new Set(graph.edges.map((e) => e.change));
  for (const state of ['added', 'removed', 'unchanged'] as const)
    if (nodeStates.has(state))
      entries.push({ type: 'fill', fill: CHANGE_FILLS[state], label: word(words, CHANGE_WORDS[state][0]) });
  for (const state of ['added', 'removed', 'unchanged'] as const)
    if (edgeStates.has(state))
      entries.push({ type: 'line', line: state, label: word(words, CHANGE_WORDS[state][1]) });
  return entries;
}

export function pictureLegend(
  graph: ShownGraph,
  colorBy: ColorBy,
  topLayer: number,
  words?: PictureWords,
): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const w = (name: PictureWordName) => word(words, name);
  const kinds = new Set(graph.nodes.map((n) => n.kind));
  const overview = graph.direction === 'overview';
  if (graph.nodes.some((n) => n.root)) entries.push({ type: 'shape', shape: 'root', label: w('root') });
  if (overview) {
    entries.push({ type: 'shape', shape: 'group', label: w('group') });
    if (kinds.has('exe')) entries.push({ type: 'shape', shape: 'exe', label: w('programGroup') });
    if (graph.nodes.some((n) => n.group !== undefined))
      entries.push({ type: 'shape', shape: 'opened', label: w('opened') });
  } else {
    if (kinds.has('exe')) entries.push({ type: 'shape', shape: 'exe', label: w('program') });
    if (kinds.has('lib')) entries.push({ type: 'shape', shape: 'lib', label: w('library') });
    if (kinds.has('interpreter'))
      entries.push({ type: 'shape', shape: 'interpreter', label: w('interpreter') });
  }
  if (kinds.has('missing')) entries.push({ type: 'shape', shape: 'missing', label: w('missing') });
  if (graph.nodes.some((n) => n.change !== undefined)) return [...entries, ...changeLegend(graph, words)];
  const edgeKinds = new Set(graph.edges.map((e) => e.kind));
  if (edgeKinds.has('tree'))
    entries.push({
      type: 'line',
      line: 'tree',
      label: w(!overview && graph.edges.some((e) => e.kind === 'extra') ? 'loadsFirst' : 'loads'),
    });
  if (edgeKinds.has('extra')) entries.push({ type: 'line', line: 'extra', label: w('alsoLoads') });
  if (edgeKinds.has('missing')) entries.push({ type: 'line', line: 'missing', label: w('needsMissing') });
  const { keys } = colouring(graph.nodes, colorBy, topLayer, words);
  const by = w(colorBy === 'layer' ? 'colourByLayer' : 'colourByPackage');
  keys.forEach((key, i) =>
    entries.push({
      type: 'fill',
      fill: key.fill,
      label: i === 0 ? word(words, 'colourKey', { key: key.label, by }) : key.label,
    }),
  );
  return entries;
}
