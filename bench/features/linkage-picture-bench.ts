/**
 * The linkage picture, before and after the layered layout: on the sample and on the linkage bench image
 * (make-linkage-image.ts), the 10 largest focused graphs ("what X loads", X a program) are laid out by the
 * level layout the page used until the picture code (src/ui/features/graph/subgraph.ts at BASELINE, read
 * from git, labels 12 px centred under each node, straight edges) and by src/core/linkage/picture (Graphviz dot;
 * tree mode, and every NEEDED edge). Counted: edge crossings (pairs of edges that do not share an object),
 * label boxes overlapping another label box, and edges drawn through a label box that is not their own end.
 * Also the layout time (median of 3) of each focused picture, of a focused picture of about 100 objects (the
 * "what loads X" graph nearest 100 objects from above: no program of either image loads 100) and of the whole-image
 * overview.
 * Run: npx tsx bench/features/linkage-picture-bench.ts [--reuse-image]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ArchiveSession, loaderSettings, pickImage, resolveLinkGraph } from '../../src/core';
import { nodeEnv, openFileSource } from '../../src/cli/node-env';
import { dotEngine } from '../../src/cli/commands/graph-render';
import { focusGraph } from '../../src/core/linkage/picture/focus';
import { layoutPicture } from '../../src/core/linkage/picture/layout';
import { overviewGraph } from '../../src/core/linkage/picture/overview';
import { basename, pictureSource } from '../../src/core/linkage/picture/source';
import { textWidth } from '../../src/core/linkage/picture/text-width';
import type { EdgeMode, Picture, PictureSource, Point } from '../../src/core/linkage/picture/picture-types';
import { OUT } from './docker-image';
import { makeLinkageImage } from './make-linkage-image';
import { flag, median } from './measure';

/** The commit whose page layout is "today". */
const BASELINE = '7314469';
const SAMPLE = 'public/samples/sample.tar';
const BENCH_IMAGE = join(OUT, 'features-linkage-docker.tar');

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}
interface Drawn {
  /** Label boxes by object key. */
  readonly labels: Map<string, Box>;
  /** Edges as polylines with their two ends. */
  readonly edges: { from: string; to: string; line: Point[] }[];
}

type ShowGraph = (
  data: { nodes: { path: string }[]; edges: { source: number; target: number }[] },
  mode: 'focus',
  focus: number,
) => { nodes: number[]; edges: number[]; positions: Map<number, { x: number; y: number }> };

async function baselineLayout(): Promise<ShowGraph> {
  const dir = resolve(OUT, 'picture-baseline');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'subgraph.ts');
  const text = execFileSync('git', ['show', `${BASELINE}:src/ui/features/graph/subgraph.ts`], {
    encoding: 'utf8',
  });
  writeFileSync(file, text.replace(/^import type .*$/m, ''));
  return ((await import(file)) as { showGraph: ShowGraph }).showGraph;
}

/** Today's page: radius 4 + 2√dependents, the label below the node, centred; straight edges. */
function drawnBefore(source: PictureSource, root: string, showGraph: ShowGraph): Drawn {
  const index = new Map(source.objects.map((o, i) => [o.key, i]));
  const edges = source.links.map((l) => ({ source: index.get(l.from)!, target: index.get(l.to)! }));
  const dependents = new Array<number>(source.objects.length).fill(0);
  for (const e of edges) dependents[e.target]!++;
  const shown = showGraph(
    { nodes: source.objects.map((o) => ({ path: o.key })), edges },
    'focus',
    index.get(root)!,
  );
  // The PNG export fitted the view to the 1200×800 canvas and drew labels at 12 / max(k, 0.6) layout units.
  const xs = shown.nodes.map((i) => shown.positions.get(i)!.x);
  const ys = shown.nodes.map((i) => shown.positions.get(i)!.y);
  const fit = Math.min(
    4,
    0.95 *
      Math.min(
        1200 / (Math.max(...xs) - Math.min(...xs) + 180),
        800 / (Math.max(...ys) - Math.min(...ys) + 100),
      ),
  );
  const size = 12 / Math.max(fit, 0.6);
  const labels = new Map<string, Box>();
  for (const i of shown.nodes) {
    const p = shown.positions.get(i)!;
    const o = source.objects[i]!;
    const r = 4 + Math.sqrt(dependents[i]!) * 2;
    const w = textWidth(basename(o.key), size);
    labels.set(o.key, { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y + r + 3, y1: p.y + r + 3 + size });
  }
  return {
    labels,
    edges: shown.edges.map((ei) => {
      const e = edges[ei]!;
      return {
        from: source.objects[e.source]!.key,
        to: source.objects[e.target]!.key,
        line: [shown.positions.get(e.source)!, shown.positions.get(e.target)!],
      };
    }),
  };
}

/** Flattens each cubic Bézier piece of a Graphviz spline into 8 segments. */
function flatten(points: readonly Point[]): Point[] {
  const out: Point[] = points[0] ? [points[0]] : [];
  for (let i = 0; i + 3 < points.length; i += 3) {
    const [a, b, c, d] = [points[i]!, points[i + 1]!, points[i + 2]!, points[i + 3]!];
    for (let s = 1; s <= 8; s++) {
      const t = s / 8;
      const u = 1 - t;
      out.push({
        x: u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * d.x,
        y: u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * d.y,
      });
    }
  }
  return out;
}

function drawnAfter(picture: Picture): Drawn {
  const labels = new Map<string, Box>();
  for (const n of picture.nodes)
    labels.set(n.key, {
      x0: n.x - n.width / 2,
      x1: n.x + n.width / 2,
      y0: n.y - n.height / 2,
      y1: n.y + n.height / 2,
    });
  return { labels, edges: picture.edges.map((e) => ({ from: e.from, to: e.to, line: flatten(e.points) })) };
}

function segmentsCross(p: Point, q: Point, r: Point, s: Point): boolean {
  const d = (a: Point, b: Point, c: Point) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  const [d1, d2, d3, d4] = [d(r, s, p), d(r, s, q), d(p, q, r), d(p, q, s)];
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function segmentHitsBox(p: Point, q: Point, b: Box): boolean {
  // Sampled: fine enough for boxes ≥ 12 px tall.
  for (let t = 0; t <= 1; t += 0.05) {
    const x = p.x + (q.x - p.x) * t;
    const y = p.y + (q.y - p.y) * t;
    if (x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1) return true;
  }
  return false;
}

function measure(drawn: Drawn): { crossings: number; overlaps: number; through: number } {
  let crossings = 0;
  const { edges } = drawn;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const [a, b] = [edges[i]!, edges[j]!];
      if (a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to) continue;
      let crossed = false;
      for (let s = 0; s + 1 < a.line.length && !crossed; s++)
        for (let t = 0; t + 1 < b.line.length && !crossed; t++)
          crossed = segmentsCross(a.line[s]!, a.line[s + 1]!, b.line[t]!, b.line[t + 1]!);
      if (crossed) crossings++;
    }
  }
  const boxes = [...drawn.labels];
  const overlapping = new Set<string>();
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [[ka, a], [kb, b]] = [boxes[i]!, boxes[j]!];
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) overlapping.add(ka).add(kb);
    }
  let through = 0;
  for (const e of edges) {
    const hit = boxes.some(
      ([key, box]) =>
        key !== e.from &&
        key !== e.to &&
        e.line.some((p, i) => i > 0 && segmentHitsBox(e.line[i - 1]!, p, box)),
    );
    if (hit) through++;
  }
  return { crossings, overlaps: overlapping.size, through };
}

async function loadSource(archive: string): Promise<PictureSource> {
  const source = await openFileSource(archive);
  try {
    const session = await ArchiveSession.open(source, nodeEnv);
    const pick = pickImage(session.info, undefined);
    if ('error' in pick) throw new Error(pick.error);
    await session.indexImage(pick.image);
    await session.warmContents(pick.image);
    const stack = session.layerStack(pick.image);
    const fs = stack.imageFs(stack.topLayer, (l, e, o, n) => session.readEntry(pick.image, l, e, o, n));
    return pictureSource(await resolveLinkGraph(fs, loaderSettings(pick.image)));
  } finally {
    await source.close();
  }
}

/**
 * Median of 3 of the wall time and of this process's CPU time (user + system): on a machine shared with other
 * work the CPU time is the steadier figure, as the layout runs in this thread.
 */
async function wallAndCpu(run: () => unknown): Promise<string> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    await run();
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[1]!.toFixed(0);
  return `${mid(wall)} ms (CPU ${mid(cpu)} ms)`;
}

/**
 * The focused layout of about 100 objects: "what loads X" for the X whose graph is the smallest of at least 100
 * objects (the largest when none reaches 100), laid out in both edge modes, median of 3 each.
 */
async function hundredObjects(source: PictureSource): Promise<string | undefined> {
  const loadedBy = (key: string, edgeMode: EdgeMode) =>
    focusGraph(source, key, { direction: 'loaded-by', edgeMode })!;
  const sizes = source.objects
    .map((o) => ({ key: o.key, size: loadedBy(o.key, 'all').nodes.length }))
    .sort((a, b) => a.size - b.size);
  const pick = sizes.find((s) => s.size >= 100) ?? sizes.at(-1);
  if (!pick) return undefined;
  const tree = await wallAndCpu(() => layoutPicture(loadedBy(pick.key, 'tree'), engine));
  const all = await wallAndCpu(() => layoutPicture(loadedBy(pick.key, 'all'), engine));
  const edges = loadedBy(pick.key, 'all').edges.length;
  return `focused layout of ${pick.size} objects (what loads ${basename(pick.key)}; ${edges} NEEDED edges): ${tree} tree, ${all} all edges; medians of 3`;
}

const showGraph = await baselineLayout();
const engine = await dotEngine();
// The first layout compiles Graphviz's WASM code paths; the page pays that once per session too.
engine.layout('digraph { a -> b; }');
if (!existsSync(BENCH_IMAGE) || !flag('--reuse-image')) await makeLinkageImage();
const rows: string[] = [];
for (const [name, archive] of [
  ['sample', SAMPLE],
  ['linkage bench image', BENCH_IMAGE],
] as const) {
  const source = await loadSource(archive);
  const sizes = source.objects
    .filter((o) => o.kind === 'exe')
    .map((o) => ({
      key: o.key,
      size: focusGraph(source, o.key, { direction: 'loads', edgeMode: 'all' })!.nodes.length,
    }))
    .sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : 1))
    .slice(0, 10);
  const totals = { before: [0, 0, 0], tree: [0, 0, 0], all: [0, 0, 0] };
  const slowest = { tree: 0, all: 0 };
  for (const { key, size } of sizes) {
    const before = measure(drawnBefore(source, key, showGraph));
    const after: Record<EdgeMode, ReturnType<typeof measure>> = { tree: before, all: before };
    for (const edgeMode of ['tree', 'all'] as const) {
      const laid = await median(3, () =>
        layoutPicture(focusGraph(source, key, { direction: 'loads', edgeMode })!, engine),
      );
      slowest[edgeMode] = Math.max(slowest[edgeMode], laid.ms);
      after[edgeMode] = measure(drawnAfter(laid.value));
    }
    const cells = (m: ReturnType<typeof measure>) => `${m.crossings} / ${m.overlaps} / ${m.through}`;
    rows.push(
      `| ${name} | ${basename(key)} | ${size} | ${cells(before)} | ${cells(after.tree)} | ${cells(after.all)} |`,
    );
    for (const [k, m] of [
      ['before', before],
      ['tree', after.tree],
      ['all', after.all],
    ] as const) {
      totals[k][0]! += m.crossings;
      totals[k][1]! += m.overlaps;
      totals[k][2]! += m.through;
    }
  }
  const sum = (t: number[]) => t.join(' / ');
  rows.push(
    `| ${name} | **total of 10** | | **${sum(totals.before)}** | **${sum(totals.tree)}** | **${sum(totals.all)}** |`,
  );
  const hundred = await hundredObjects(source);
  const overview = await median(3, () => layoutPicture(overviewGraph(source), engine));
  console.log(
    `${name}: ${source.objects.length} objects; slowest focused layout ${slowest.tree.toFixed(0)} ms (tree), ${slowest.all.toFixed(0)} ms (all edges); overview (${overview.value.nodes.length} groups) ${overview.ms.toFixed(0)} ms`,
  );
  if (hundred) console.log(`${name}: ${hundred}`);
}
console.log(
  '\n| image | program | objects | before: crossings / overlapping labels / edges through labels | after, tree | after, all edges |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
