/**
 * Scaling out on pg-boss, a job queue that lives in the same PostgreSQL as the index: `strata index
 * --queue` sends one job per image, `strata worker` processes take them. pg-boss hands a job to one
 * worker at a time, retries a job that failed, and fails (then retries) a job whose worker vanished
 * once its expiry passes; layer claims (layer-store.ts) keep two workers from reading one layer.
 */
import PgBoss from 'pg-boss';
import type { CliIo } from '../cli/cli-io';
import type { IndexedImage } from './image-store';
import { printIndexResult } from './index-report';
import { errorSentence, openSource, type SourceFailure } from './index-run';
import { sourceName, type Source } from './sources';
import type { Sql } from './sql';

export const QUEUE = 'strata-index';

/** A job: one image of one source (`imageKey` null: every image the source holds for the platform). */
export interface IndexJob {
  readonly source: Source;
  readonly imageKey: string | null;
  readonly platform: string | null;
}

/** What a finished job reports (pg-boss keeps it as the job's output). */
export interface IndexJobOutput {
  readonly images: readonly IndexedImage[];
  readonly indexed: readonly string[];
  readonly reused: readonly string[];
}

function seconds(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/**
 * A job whose worker died is failed (and retried) when it expires: long enough for a large image,
 * short in tests (STRATA_FLEET_JOB_EXPIRE_SECONDS, with STRATA_FLEET_MAINTENANCE_SECONDS for how often
 * pg-boss looks).
 */
export const queueOptions = () => ({
  retryLimit: 3,
  retryDelay: 1,
  expireInSeconds: seconds('STRATA_FLEET_JOB_EXPIRE_SECONDS', 30 * 60),
});

export async function startBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    schedule: false,
    maintenanceIntervalSeconds: seconds('STRATA_FLEET_MAINTENANCE_SECONDS', 60),
  });
  // pg-boss reports background failures as events; an unhandled 'error' event would end the process.
  boss.on('error', (error) => process.stderr.write(`strata: queue: ${errorSentence(error)}\n`));
  await boss.start();
  await boss.createQueue(QUEUE, { name: QUEUE, ...queueOptions() });
  return boss;
}

interface EnqueueOptions {
  readonly platform: string | undefined;
  readonly wait: boolean;
  readonly json: boolean;
  readonly failures: readonly SourceFailure[];
  readonly io: CliIo;
}

/** One job per image: an archive is opened to list its images; a registry reference is one image. */
async function jobsFor(source: Source, platform: string | undefined): Promise<IndexJob[]> {
  if (source.kind === 'registry') return [{ source, imageKey: null, platform: platform ?? null }];
  const opened = await openSource(source, { platform });
  try {
    return opened.session.info.images.map((image) => ({
      source,
      imageKey: image.key,
      platform: platform ?? null,
    }));
  } finally {
    await opened.close();
  }
}

const WAIT_POLL_MS = 500;

async function waitFor(boss: PgBoss, ids: readonly string[]): Promise<PgBoss.JobWithMetadata<IndexJob>[]> {
  const pending = new Set(ids);
  const finished = new Map<string, PgBoss.JobWithMetadata<IndexJob>>();
  while (pending.size > 0) {
    for (const id of [...pending]) {
      const job = await boss.getJobById<IndexJob>(QUEUE, id, { includeArchive: true });
      if (job && (job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled')) {
        finished.set(id, job);
        pending.delete(id);
      }
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, WAIT_POLL_MS));
  }
  return ids.map((id) => finished.get(id)!);
}

function failureOf(job: PgBoss.JobWithMetadata<IndexJob>): string {
  const output = job.output as { message?: unknown } | null;
  const why = typeof output?.message === 'string' ? output.message : job.state;
  return `${sourceName(job.data.source)}: ${why}`;
}

export async function enqueueSources(
  _sql: Sql,
  url: string,
  sources: readonly Source[],
  options: EnqueueOptions,
): Promise<number> {
  const { io } = options;
  const failures = [...options.failures];
  const boss = await startBoss(url);
  try {
    const ids: string[] = [];
    for (const source of sources) {
      try {
        for (const job of await jobsFor(source, options.platform)) {
          const id = await boss.send(QUEUE, job, queueOptions());
          if (id !== null) ids.push(id);
        }
      } catch (error) {
        failures.push({
          source: sourceName(source),
          message: `${sourceName(source)}: ${errorSentence(error)}`,
        });
      }
    }
    io.stderr(`strata index: ${ids.length} jobs queued in ${QUEUE}\n`);
    if (!options.wait) {
      for (const f of failures) io.stderr(`strata index: ${f.message}\n`);
      if (options.json) io.stdout(JSON.stringify({ jobs: ids }, null, 2) + '\n');
      else for (const id of ids) io.stdout(`${id}\n`);
      return failures.length > 0 ? 1 : 0;
    }
    const jobs = await waitFor(boss, ids);
    const images: IndexedImage[] = [];
    const indexed = new Set<string>();
    const reused = new Set<string>();
    for (const job of jobs) {
      if (job.state !== 'completed') {
        failures.push({ source: sourceName(job.data.source), message: failureOf(job) });
        continue;
      }
      const out = job.output as IndexJobOutput;
      images.push(...out.images);
      for (const d of out.indexed) indexed.add(d);
      for (const d of out.reused) reused.add(d);
    }
    for (const d of indexed) reused.delete(d);
    const layers = { indexed: indexed.size, reused: reused.size };
    return printIndexResult(io, { images, layers, failures }, options.json);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
