/**
 * The whole image as a person can read it: objects grouped by package (or by directory where no package owns
 * them), one box per group with its size, one edge per pair of groups that load each other, and ranked lists
 * of the most-loaded libraries, the programs loading the most, and the names nothing provides.
 */
import { basename } from './source';
import type { PictureObject, PictureSource, ShownEdge, ShownGraph, ShownNode } from './picture-types';
import type { SideList } from './svg';
import { word, type PictureWords } from './words';

const TOP = 8;
/** A group loaded by at least FOLD_MIN groups and FOLD_SHARE of those that load anything is folded. */
const FOLD_MIN = 4;
const FOLD_SHARE = 0.5;

function dirname(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

const MISSING_GROUP = 'not found';

/** The group of an object: its package, else its directory; missing names are one group. */
export function groupOf(o: PictureObject): string {
  if (o.kind === 'missing') return MISSING_GROUP;
  return o.pkg ?? `${dirname(o.key)}/`;
}

/** A group as the picture names it: the missing names' group in the words given, the others as they are. */
function groupLabel(group: string, words: PictureWords | undefined): string {
  return group === MISSING_GROUP ? word(words, 'notFound') : group;
}

/** "3 programs", "1 library", "2 names": a count and its noun, one or many. */
function counted(words: PictureWords | undefined, count: number, noun: 'programs' | 'libraries' | 'names') {
  return word(words, count === 1 ? `${noun}One` : `${noun}Many`, { count });
}

/**
 * The grouped graph. A group named in `expanded` is drawn as its member objects (each keyed by its path), the
 * rest as one box each, so a person can open the one package they care about and keep the others closed.
 */
export function overviewGraph(
  source: PictureSource,
  expanded: readonly string[] = [],
  words?: PictureWords,
): ShownGraph {
  const open = new Set(expanded);
  const shownKey = (o: PictureObject) => {
    const group = groupOf(o);
    return open.has(group) ? o.key : group;
  };
  const members = new Map<string, PictureObject[]>();
  for (const o of source.objects) {
    const key = shownKey(o);
    let list = members.get(key);
    if (list === undefined) members.set(key, (list = []));
    list.push(o);
  }
  const groupByKey = new Map(source.objects.map((o) => [o.key, shownKey(o)]));
  const pairs = new Map<string, ShownEdge>();
  let hiddenEdges = 0;
  for (const link of source.links) {
    const from = groupByKey.get(link.from);
    const to = groupByKey.get(link.to);
    if (from === undefined || to === undefined) continue;
    if (from === to) {
      hiddenEdges++;
      continue;
    }
    const id = `${from}\n${to}`;
    if (pairs.has(id)) hiddenEdges++;
    else pairs.set(id, { from, to, kind: to === MISSING_GROUP ? 'missing' : 'tree' });
  }
  const nodes: ShownNode[] = [...members].map(([key, list]) => {
    const first = list[0]!;
    if (open.has(groupOf(first)) && first.key === key) return memberNode(first, words);
    const exes = list.filter((o) => o.kind === 'exe').length;
    const libs = list.length - exes;
    const parts = [
      exes > 0 ? counted(words, exes, 'programs') : '',
      libs > 0 ? counted(words, libs, first.kind === 'missing' ? 'names' : 'libraries') : '',
    ];
    return {
      key,
      label: groupLabel(key, words),
      note: parts.filter(Boolean).join(', '),
      kind: first.kind === 'missing' ? 'missing' : exes > 0 && libs === 0 ? 'exe' : 'lib',
      // A group's colour is its package's; by layer, the layer most of its members came from.
      layer: mostCommon(list.map((o) => o.layer)),
      pkg: first.pkg,
      depth: 0,
      root: false,
      folded: false,
    };
  });
  // Groups nearly every other group loads (libc's) are drawn once at the bottom with a count, not 50 edges.
  const edges = [...pairs.values()];
  const sources = new Set(edges.map((e) => e.from));
  const into = new Map<string, number>();
  for (const e of edges) into.set(e.to, (into.get(e.to) ?? 0) + 1);
  const folded = new Set(
    [...into]
      .filter(([key, n]) => n >= FOLD_MIN && n >= (sources.size - (sources.has(key) ? 1 : 0)) * FOLD_SHARE)
      .map(([key]) => key),
  );
  const shownNodes = nodes.map((n) =>
    folded.has(n.key)
      ? {
          ...n,
          folded: true,
          note: `${n.note ?? ''} · ${word(words, 'loadedByGroups', { count: into.get(n.key)! })}`,
        }
      : n,
  );
  const shownEdges = edges.filter((e) => !folded.has(e.to));
  hiddenEdges += edges.length - shownEdges.length;
  return { direction: 'overview', nodes: shownNodes, edges: shownEdges, hiddenEdges };
}

/** One object of an opened group, named as in a focused picture and marked with its group. */
function memberNode(o: PictureObject, words: PictureWords | undefined): ShownNode {
  return {
    key: o.key,
    label: o.label,
    note: word(words, 'inGroup', { group: groupLabel(groupOf(o), words) }),
    group: groupOf(o),
    kind: o.kind,
    layer: o.layer,
    pkg: o.pkg,
    depth: 0,
    root: false,
    folded: false,
  };
}

function mostCommon<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

/** The lists beside the overview: most-loaded libraries, programs loading the most, names not found. */
export function overviewLists(source: PictureSource, words?: PictureWords): SideList[] {
  const objects = new Map(source.objects.map((o) => [o.key, o]));
  const loadedBy = new Map<string, Set<string>>();
  const loads = new Map<string, Set<string>>();
  for (const link of source.links) {
    (loadedBy.get(link.to) ?? loadedBy.set(link.to, new Set()).get(link.to)!).add(link.from);
    (loads.get(link.from) ?? loads.set(link.from, new Set()).get(link.from)!).add(link.to);
  }
  const ranked = (map: Map<string, Set<string>>, keep: (o: PictureObject) => boolean) =>
    [...map]
      .filter(([key]) => {
        const o = objects.get(key);
        return o !== undefined && keep(o);
      })
      .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP);
  const lists: SideList[] = [
    {
      heading: word(words, 'listMostLoaded'),
      ...rowsOf(
        ranked(loadedBy, (o) => o.kind !== 'missing' && o.kind !== 'exe'),
        (key, n) => {
          return `${objects.get(key)!.label}: ${n}`;
        },
      ),
    },
    {
      heading: word(words, 'listLoadingMost'),
      ...rowsOf(
        ranked(loads, (o) => o.kind === 'exe'),
        (key, n) => `${basename(key)}: ${n}`,
      ),
    },
  ];
  const missing = ranked(loadedBy, (o) => o.kind === 'missing');
  lists.push({
    heading: word(words, 'listMissing'),
    ...(missing.length === 0
      ? { rows: [word(words, 'listNone')] }
      : rowsOf(missing, (key, n) => word(words, 'listNeedIt', { name: objects.get(key)!.label, count: n }))),
  });
  return lists;
}

/** A ranked list's lines and the object key each line names, so the page can focus it on a click. */
function rowsOf(
  ranked: readonly [string, ReadonlySet<string>][],
  line: (key: string, count: number) => string,
): { rows: string[]; keys: string[] } {
  return { rows: ranked.map(([key, set]) => line(key, set.size)), keys: ranked.map(([key]) => key) };
}
