/**
 * `strata worker`: takes index jobs from the queue until stopped (SIGTERM, as Kubernetes stops a pod,
 * or SIGINT). A job that throws is failed with its sentence and retried by pg-boss; a worker killed
 * mid-job leaves it active until it expires, then it is retried elsewhere.
 */
import type { CliIo } from '../cli/cli-io';
import type { IndexedImage } from './image-store';
import { indexSource, newIndexContext } from './index-run';
import { newProgress } from './progress';
import { QUEUE, startBoss, type IndexJob, type IndexJobOutput } from './queue';
import { sourceName } from './sources';
import type { Sql } from './sql';

export interface WorkerOptions {
  /** Jobs processed at once by this process. */
  readonly concurrency: number;
  /** Resolves when the worker should stop taking jobs. */
  readonly stopped: Promise<void>;
}

export async function runWorker(sql: Sql, url: string, io: CliIo, options: WorkerOptions): Promise<void> {
  const boss = await startBoss(url);
  const progress = newProgress();
  const ctx = newIndexContext(sql, (_, how) => {
    if (how === 'indexed') progress.layersIndexed++;
    else progress.layersReused++;
  });
  const handle = async (job: { id: string; data: IndexJob }): Promise<IndexJobOutput> => {
    const before = { indexed: new Set(ctx.indexed), reused: new Set(ctx.reused) };
    const { source, imageKey, platform } = job.data;
    io.stderr(`strata worker: job ${job.id}: ${sourceName(source)}${imageKey ? ` (${imageKey})` : ''}\n`);
    const images: IndexedImage[] = await indexSource(
      ctx,
      source,
      { platform: platform ?? undefined, onProgress: (line) => io.stderr(`strata worker: ${line}\n`) },
      progress,
      imageKey === null ? undefined : new Set([imageKey]),
    );
    // This job's layers: those the process settled while it ran (a layer it had settled for an earlier
    // job counts as reused, which it is).
    return {
      images,
      indexed: [...ctx.indexed].filter((d) => !before.indexed.has(d)),
      reused: [...ctx.reused].filter((d) => !before.reused.has(d)),
    };
  };
  for (let i = 0; i < options.concurrency; i++) {
    await boss.work<IndexJob>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) =>
      job === undefined ? undefined : handle(job),
    );
  }
  io.stderr(`strata worker: ${ctx.worker} waiting for jobs in ${QUEUE}\n`);
  await options.stopped;
  io.stderr('strata worker: stopping after the jobs in hand\n');
  await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
}
