/**
 * The objects around one file, as lddtree shows them: the root on top and each object at its depth (its
 * shortest distance, the breadth-first order the loader itself uses: docs/linkage.md#load-order-and-reuse). In tree mode each object hangs under
 * the first object that needs it and repeats are not drawn again; in 'all' mode every NEEDED edge is drawn.
 * The loader (whenever two objects need it) and libc, needed by nearly everything, are folded: drawn once at
 * the bottom, their many incoming edges replaced by a badge, unless the caller unfolds them.
 */
import type {
  EdgeMode,
  FocusDirection,
  PictureObject,
  PictureSource,
  ShownEdge,
  ShownGraph,
  ShownNode,
} from './picture-types';
import { word, type PictureWords } from './words';

/** An object needed by at least FOLD_MIN shown objects, and by at least FOLD_SHARE of those that could, folds. */
const FOLD_MIN = 4;
const FOLD_SHARE = 0.5;

export interface FocusOptions {
  readonly direction: FocusDirection;
  readonly edgeMode: EdgeMode;
  /** Keys of objects to draw with all their incoming edges even when they would fold. */
  readonly unfold?: readonly string[];
  /** The badges' words in the page's language; the CLI's English when absent. */
  readonly words?: PictureWords;
}

function adjacency(source: PictureSource, forward: boolean): Map<string, string[]> {
  const next = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const link of source.links) {
    const [a, b] = forward ? [link.from, link.to] : [link.to, link.from];
    const id = `${a}\n${b}`;
    if (seen.has(id) || a === b) continue;
    seen.add(id);
    let list = next.get(a);
    if (list === undefined) next.set(a, (list = []));
    list.push(b);
  }
  return next;
}

/** The shown graph around `root`; null when the source has no object with that key. */
export function focusGraph(source: PictureSource, root: string, options: FocusOptions): ShownGraph | null {
  const objects = new Map(source.objects.map((o) => [o.key, o]));
  if (!objects.has(root)) return null;
  const forward = options.direction === 'loads';
  const next = adjacency(source, forward);
  const depth = new Map<string, number>([[root, 0]]);
  const order = [root];
  for (let head = 0; head < order.length; head++) {
    const at = order[head]!;
    for (const to of next.get(at) ?? []) {
      if (depth.has(to)) continue;
      depth.set(to, depth.get(at)! + 1);
      order.push(to);
    }
  }
  // Every NEEDED edge among the reached objects, as loader → loaded, in breadth-first order of the near end.
  const needs: { from: string; to: string }[] = [];
  for (const at of order)
    for (const to of next.get(at) ?? []) needs.push(forward ? { from: at, to } : { from: to, to: at });
  const interpreters = new Set(source.objects.filter((o) => o.kind === 'interpreter').map((o) => o.key));
  const folded = forward
    ? foldedKeys(order, interpreters, needs, options.unfold ?? [], options.words)
    : new Map<string, string>();
  // Tree: each object's first reacher in breadth-first order, in the view's direction, that is not folded.
  const firstReacher = new Map<string, string>();
  const rank = new Map(order.map((key, i) => [key, i]));
  for (const e of needs) {
    const [near, far] = forward ? [e.from, e.to] : [e.to, e.from];
    if (folded.has(near) && !folded.has(far)) continue;
    const known = firstReacher.get(far);
    if (known === undefined || rank.get(near)! < rank.get(known)!) firstReacher.set(far, near);
  }
  const edges: ShownEdge[] = [];
  let hiddenEdges = 0;
  const hiddenInto = new Map<string, number>();
  for (const e of needs) {
    const [near, far] = forward ? [e.from, e.to] : [e.to, e.from];
    const missing = objects.get(e.to)!.kind === 'missing';
    if (folded.has(e.to)) {
      hiddenEdges++;
      continue;
    }
    const isTree = firstReacher.get(far) === near;
    if (isTree || options.edgeMode === 'all' || missing) {
      edges.push({ ...e, kind: missing ? 'missing' : isTree ? 'tree' : 'extra' });
    } else {
      hiddenEdges++;
      hiddenInto.set(far, (hiddenInto.get(far) ?? 0) + 1);
    }
  }
  const nodes: ShownNode[] = order.map((key) => {
    const o: PictureObject = objects.get(key)!;
    const hidden = hiddenInto.get(key) ?? 0;
    const note =
      folded.get(key) ??
      (hidden > 0 ? word(options.words, forward ? 'alsoNeededBy' : 'alsoLoadsVia', { count: hidden }) : null);
    return {
      key,
      label: o.label,
      note,
      kind: o.kind,
      layer: o.layer,
      pkg: o.pkg,
      depth: depth.get(key)!,
      root: key === root,
      folded: folded.has(key),
    };
  });
  return { direction: options.direction, nodes, edges, hiddenEdges };
}

/** The objects to fold and their badges: "needed by all 31" when every object that could need it does. */
function foldedKeys(
  order: readonly string[],
  interpreters: ReadonlySet<string>,
  needs: readonly { from: string; to: string }[],
  unfold: readonly string[],
  words: PictureWords | undefined,
): Map<string, string> {
  const needers = new Map<string, Set<string>>();
  const requesters = new Set<string>();
  for (const e of needs) {
    requesters.add(e.from);
    let set = needers.get(e.to);
    if (set === undefined) needers.set(e.to, (set = new Set()));
    set.add(e.from);
  }
  const out = new Map<string, string>();
  const keep = new Set(unfold);
  for (const key of order.slice(1)) {
    const count = needers.get(key)?.size ?? 0;
    // An object never needs itself: libc, which needs the loader, is not among the possible needers of libc.
    const possible = requesters.size - (requesters.has(key) ? 1 : 0);
    const folds = interpreters.has(key) ? count >= 2 : count >= FOLD_MIN && count >= possible * FOLD_SHARE;
    if (keep.has(key) || !folds) continue;
    out.set(
      key,
      count === possible
        ? word(words, 'neededByAll', { count })
        : word(words, 'neededBySome', { count, possible }),
    );
  }
  return out;
}
