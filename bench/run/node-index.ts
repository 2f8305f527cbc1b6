/**
 * The CLI's core on one archive, in a process of its own so every run starts with a fresh heap:
 * ArchiveSession.open (outer scan, manifests, configs) and indexImage (every layer decoded, every
 * entry indexed, every diff_id checked), with memory sampled every 100 ms. Prints one JSON line.
 *
 * Run: npx tsx bench/run/node-index.ts ARCHIVE
 */
import { ArchiveSession, pickImage } from '../../src/core';
import { nodeEnv, nodeIndexer, openFileSource } from '../../src/cli/node-env';

export interface NodeIndexResult {
  readonly openMs: number;
  readonly indexMs: number;
  /** User + system CPU time of open + index (zlib's thread pool included). */
  readonly cpuMs: number;
  readonly layers: number;
  readonly verifiedLayers: number;
  readonly entries: number;
  readonly storedBytes: number;
  readonly decodedBytes: number;
  readonly peakHeapUsed: number;
  readonly peakRss: number;
  readonly peakArrayBuffers: number;
}

async function main(path: string): Promise<NodeIndexResult> {
  let peakHeapUsed = 0;
  let peakRss = 0;
  let peakArrayBuffers = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
    peakArrayBuffers = Math.max(peakArrayBuffers, m.arrayBuffers);
  };
  const timer = setInterval(sample, 100);
  const source = await openFileSource(path);
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const session = await ArchiveSession.open(source, nodeEnv, { indexer: nodeIndexer });
    const opened = performance.now();
    const pick = pickImage(session.info);
    if ('error' in pick) throw new Error(pick.error);
    await session.indexImage(pick.image);
    const indexed = performance.now();
    const used = process.cpuUsage(cpu);
    sample();
    const statuses = pick.image.layers.map((layer) => session.status(layer));
    const failed = statuses.find((s) => s.state !== 'done');
    if (failed) throw new Error(`A layer was not indexed: ${failed.error ?? failed.state}`);
    return {
      openMs: opened - started,
      indexMs: indexed - opened,
      cpuMs: (used.user + used.system) / 1000,
      layers: statuses.length,
      verifiedLayers: statuses.filter((s) => s.verified === true).length,
      entries: statuses.reduce((sum, s) => sum + (s.index?.entries.length ?? 0), 0),
      storedBytes: statuses.reduce((sum, s) => sum + (s.index?.storedSize ?? 0), 0),
      decodedBytes: statuses.reduce((sum, s) => sum + (s.index?.size ?? 0), 0),
      peakHeapUsed,
      peakRss,
      peakArrayBuffers,
    };
  } finally {
    clearInterval(timer);
    await source.close();
  }
}

const archive = process.argv[2];
if (archive === undefined) {
  console.error('usage: npx tsx bench/run/node-index.ts ARCHIVE');
  process.exitCode = 2;
} else {
  main(archive).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
