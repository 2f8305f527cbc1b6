/**
 * One timed run in a fresh process (so no mode inherits another's heap or Node-side caches):
 *   --mode index    open both archives and index every layer of both images, the two side by side (what
 *                   "indexing both" costs at best);
 *   --mode index-kept  the same, keeping what the ELF and package reads need (what compare's index pass
 *                   costs, without the reads after it);
 *   --mode compare  exactly what `strata compare` does: core readCompareSides (each image indexed with its
 *                   contents kept, a layer both hold once; package databases, link graph and waste figures
 *                   of each image once its own layers are indexed), then compareImages and compareMarkdown;
 *                   `--order together` indexes each archive bottom layer first, both at once, instead of
 *                   one queue of both archives' layers, largest first; `--no-share` indexes each
 *                   archive's copy of a shared layer;
 *   --mode phases   the same steps one image after the other, each phase timed, to see where the time goes.
 * Prints one JSON line.
 *
 * Run: npx tsx bench/compare/compare-run.ts --mode index|index-kept|compare|phases [--order together] [--no-share] OLD NEW
 */
import {
  ArchiveSession,
  compareImages,
  compareMarkdown,
  loaderSettings,
  pickImage,
  readCompareSides,
  readPackageDbs,
  resolveLinkGraph,
  type CompareSide,
  type ImageRecord,
} from '../../src/core';
import { nodeEnv, nodeIndexer, openFileSource, type FileSource } from '../../src/cli/node-env';
import { nodeSqliteOptions } from '../../src/cli/sqlite-node';

export type CompareRunMode = 'index' | 'index-kept' | 'compare' | 'phases';

export interface CompareRunResult {
  readonly mode: CompareRunMode;
  readonly totalMs: number;
  /** User + system CPU time of the process (zlib's threads included). */
  readonly cpuMs: number;
  /** Phase → wall milliseconds, both images together (phases mode). */
  readonly phases: Record<string, number>;
  /** Phase → CPU milliseconds of the process (phases mode): the figure that holds up on a loaded machine. */
  readonly phasesCpu?: Record<string, number>;
  /** The compare mode's order of the two archives, and whether shared layers were read once. */
  readonly order?: 'largest-first' | 'together';
  readonly shareLayers?: boolean;
  readonly elfObjects?: number;
  readonly summary?: string;
}

interface Opened {
  readonly session: ArchiveSession;
  readonly image: ImageRecord;
  readonly source: FileSource;
}

async function open(path: string): Promise<Opened> {
  const source = await openFileSource(path);
  const session = await ArchiveSession.open(source, nodeEnv, { indexer: nodeIndexer });
  const pick = pickImage(session.info, undefined);
  if ('error' in pick) throw new Error(pick.error);
  return { session, image: pick.image, source };
}

async function phasesRun(
  opened: readonly Opened[],
  phases: Record<string, number>,
  phasesCpu: Record<string, number>,
): Promise<CompareSide[]> {
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const value = await work();
    const used = process.cpuUsage(cpu);
    phases[phase] = (phases[phase] ?? 0) + performance.now() - t;
    phasesCpu[phase] = (phasesCpu[phase] ?? 0) + (used.user + used.system) / 1000;
    return value;
  };
  const sqlite = await nodeSqliteOptions();
  const sides: CompareSide[] = [];
  // The steps of readCompareSide, one by one.
  for (const { session, image } of opened) {
    await timed('index (contents kept)', () => session.indexImage(image, { keepContents: true }));
    const stack = await timed('layer stack', () => Promise.resolve(session.layerStack(image)));
    await timed('warm contents (nothing left to decode)', () => session.warmContents(image));
    const fs = stack.imageFs(stack.topLayer, (l, e, o, n) => session.readEntry(image, l, e, o, n));
    const { dbs } = await timed('package databases', () => readPackageDbs(fs, { sqlite }));
    const linkGraph = await timed('link graph', () => resolveLinkGraph(fs, loaderSettings(image)));
    const size = image.layers.reduce((sum, l) => sum + (session.status(l).index?.size ?? 0), 0);
    sides.push({ image, name: image.id, size, stack, packageDbs: dbs, linkGraph, warnings: [] });
  }
  return sides;
}

interface RunFlags {
  readonly order: 'largest-first' | 'together';
  readonly shareLayers: boolean;
}

async function main(
  mode: CompareRunMode,
  paths: readonly string[],
  flags: RunFlags,
): Promise<CompareRunResult> {
  const phases: Record<string, number> = {};
  const phasesCpu: Record<string, number> = {};
  const cpu = process.cpuUsage();
  const started = performance.now();
  const opened = await Promise.all(paths.map(open));
  try {
    if (mode === 'index' || mode === 'index-kept') {
      const keepContents = mode === 'index-kept';
      await Promise.all(opened.map(({ session, image }) => session.indexImage(image, { keepContents })));
      const used = process.cpuUsage(cpu);
      return { mode, totalMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, phases };
    }
    let sides: CompareSide[];
    if (mode === 'phases') sides = await phasesRun(opened, phases, phasesCpu);
    else {
      const sqlite = await nodeSqliteOptions();
      const [old, next] = opened.map(({ session, image }) => ({
        session,
        image,
        options: { settings: loaderSettings(image), sqlite },
      }));
      sides = await readCompareSides(old!, next!, flags);
    }
    const t = performance.now();
    const compareCpu = process.cpuUsage();
    const result = compareImages(sides[0]!, sides[1]!);
    compareMarkdown(result);
    phases['compare + Markdown'] = performance.now() - t;
    const compareUsed = process.cpuUsage(compareCpu);
    if (mode === 'phases') phasesCpu['compare + Markdown'] = (compareUsed.user + compareUsed.system) / 1000;
    const used = process.cpuUsage(cpu);
    return {
      mode,
      totalMs: performance.now() - started,
      cpuMs: (used.user + used.system) / 1000,
      phases,
      ...(mode === 'phases' && { phasesCpu }),
      ...(mode === 'compare' && flags),
      elfObjects: sides.reduce((sum, s) => sum + s.linkGraph.nodes.length, 0),
      summary: `files +${result.files.added} ~${result.files.modified} −${result.files.removed}, ELF objects +${result.linkage.objectsAdded.length} −${result.linkage.objectsRemoved.length}`,
    };
  } finally {
    for (const o of opened) await o.source.close();
  }
}

const args = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const mode = (valueOf('--mode') ?? 'compare') as CompareRunMode;
const order = (valueOf('--order') ?? 'largest-first') as RunFlags['order'];
const paths = args.filter(
  (arg, i) => !arg.startsWith('--') && args[i - 1] !== '--mode' && args[i - 1] !== '--order',
);
if (
  paths.length !== 2 ||
  !['index', 'index-kept', 'compare', 'phases'].includes(mode) ||
  !['largest-first', 'together'].includes(order)
) {
  console.error(
    'usage: npx tsx bench/compare/compare-run.ts --mode index|index-kept|compare|phases [--order together] [--no-share] OLD NEW',
  );
  process.exit(2);
}
console.log(JSON.stringify(await main(mode, paths, { order, shareLayers: !args.includes('--no-share') })));
