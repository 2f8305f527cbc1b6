/**
 * The fleet index scaled out on a real PostgreSQL (Debian's postgresql, started on a free port) with a
 * real registry (Debian's docker-registry, images pushed by skopeo): 50 synthetic images, 40 as archives
 * and 10 in the registry, queued as jobs for 3 `strata worker` processes, one of them killed (SIGKILL)
 * while it holds an unfinished job. pg-boss retries that job; every layer is stored once, every image once, and every
 * `rdeps --db` answer equals `rdeps` over the archives. Skipped where the packages are missing
 * (.ci/run installs them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFleetImages, type FleetImage } from '../../fixtures/fleet/fleet-images';
import { runCli } from '../cli/testing/run-cli';
import { openSql } from './sql';
import { postgresBin, startPostgres, type PgServer } from './testing/postgres-server';
import { hasRegistry, startRegistry, type RegistryServer } from './testing/registry-server';

const BIN = join(import.meta.dirname, '../../bin/strata.mjs');
const IN_REGISTRY = 10;

interface RdepsRow {
  source?: string;
  archive?: string;
  names: string[];
  [key: string]: unknown;
}

/** Short leases and job expiry, so the killed worker's layers and job are taken over within seconds. */
const QUICK = {
  STRATA_FLEET_LEASE_SECONDS: '3',
  STRATA_FLEET_JOB_EXPIRE_SECONDS: '20',
  STRATA_FLEET_MAINTENANCE_SECONDS: '1',
};

/** The application name the victim's database connections carry, so the test can see whether one is busy. */
const VICTIM = 'strata-fleet-victim';

function startWorker(url: string, env: NodeJS.ProcessEnv = {}): { child: ChildProcess; log: () => string } {
  let log = '';
  const child = spawn(process.execPath, [BIN, 'worker', '--db', url], {
    env: { ...process.env, ...QUICK, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return { child, log: () => log };
}

/**
 * Kills the worker while it provably holds an unfinished job: frozen (SIGSTOP), with no query of its own
 * running or transaction open (after a moment for a query already sent to arrive), and the job it last took
 * still active in pg-boss. A frozen worker cannot finish that job, so it must be retried elsewhere. Returns
 * the job's id.
 */
async function killMidJob(url: string, victim: { child: ChildProcess; log: () => string }): Promise<string> {
  const sql = await openSql(url);
  try {
    for (let waited = 0; ; waited += 50) {
      if (waited > 120_000 || victim.child.exitCode !== null)
        throw new Error(`The first worker was never caught holding an unfinished job:\n${victim.log()}`);
      const jobs = [...victim.log().matchAll(/strata worker: job ([^:]+):/g)];
      const job = jobs.at(-1)?.[1];
      if (job !== undefined) {
        victim.child.kill('SIGSTOP');
        // A query the worker sent just before it froze may still sit unread in its connection (the
        // server shows it idle until it reads it, then completes the job): give the server time to.
        await new Promise((r) => setTimeout(r, 250));
        const [held] = await sql.query<{ active: boolean; busy: number }>(
          `SELECT (SELECT state::text FROM pgboss.job WHERE id = $1::uuid) = 'active' AS active,
             (SELECT count(*)::int FROM pg_stat_activity WHERE application_name = $2 AND state <> 'idle') AS busy`,
          [job, VICTIM],
        );
        if (held?.active === true && held.busy === 0) {
          victim.child.kill('SIGKILL');
          return job;
        }
        victim.child.kill('SIGCONT');
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await sql.close();
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

describe.runIf(postgresBin() !== undefined && hasRegistry())(
  'fleet index on PostgreSQL: 3 workers over 50 images, one killed mid-job',
  () => {
    let dir: string;
    let pg: PgServer | undefined;
    let registry: RegistryServer | undefined;
    let images: FleetImage[];
    const refOf = (i: FleetImage) =>
      `docker://${registry!.host}/fleet/img-${String(i.index).padStart(2, '0')}:1`;
    const registryName = (i: FleetImage) => refOf(i).slice('docker://'.length);

    beforeAll(async () => {
      // The jobs carry their expiry from the process that queues them: this one.
      Object.assign(process.env, QUICK);
      dir = mkdtempSync(join(tmpdir(), 'strata-fleet-scale-'));
      images = writeFleetImages(dir, 50);
      pg = await startPostgres();
      registry = await startRegistry();
      for (const image of images.slice(-IN_REGISTRY))
        registry.push(image.path, refOf(image).split('/').slice(3).join('/'));
    }, 240_000);

    afterAll(() => {
      for (const name of Object.keys(QUICK)) Reflect.deleteProperty(process.env, name);
      registry?.stop();
      pg?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('indexes every image once, every layer once, retries the killed job, answers as the archives do', async () => {
      const url = pg!.url;
      const workers = [startWorker(url, { PGAPPNAME: VICTIM }), startWorker(url), startWorker(url)];
      try {
        const archives = images.slice(0, -IN_REGISTRY).map((i) => i.path);
        const refs = images.slice(-IN_REGISTRY).map(refOf);
        const queued = runCli(['index', '--queue', '--wait', '--json', '--db', url, ...archives, ...refs]);
        const killedJob = await killMidJob(url, workers[0]!);
        const run = await queued;
        expect(run.err).not.toMatch(/strata index: .*:/);
        expect(run.code).toBe(0);
        const result = JSON.parse(run.out) as {
          images: unknown[];
          layers: { indexed: number; reused: number };
        };
        expect(result.images).toHaveLength(50);
        // Unique layers: the edge root, the dpkg layer, five package versions, one per image.
        expect(result.layers.indexed + result.layers.reused).toBe(57);

        const sql = await openSql(url);
        try {
          const [counts] = await sql.query<Record<string, number>>(
            `SELECT (SELECT count(*)::int FROM images) AS images,
               (SELECT count(DISTINCT (source, image_key))::int FROM images) AS distinct_images,
               (SELECT count(*)::int FROM layers WHERE state = 'done') AS layers,
               (SELECT count(*)::int FROM layers WHERE state <> 'done') AS unfinished,
               (SELECT count(*)::int FROM image_layers) AS image_layers,
               (SELECT retry_count::int FROM pgboss.job WHERE id = $1::uuid) AS retried`,
            [killedJob],
          );
          expect(counts).toEqual({
            images: 50,
            distinct_images: 50,
            layers: 57,
            unfinished: 0,
            image_layers: 200,
            // The killed worker's job, retried after it expired.
            retried: expect.any(Number) as number,
          });
          expect(counts!['retried']).toBeGreaterThanOrEqual(1);
        } finally {
          await sql.close();
        }

        for (const name of ['libone1', 'libone.so.1', 'libtwo.so.1']) {
          const fromIndex = JSON.parse((await runCli(['rdeps', '--db', url, '--json', name])).out) as {
            images: RdepsRow[];
            rebuild: string[];
          };
          const fromArchives = JSON.parse(
            (await runCli(['rdeps', '--json', name, ...images.map((i) => i.path)])).out,
          ) as {
            images: RdepsRow[];
            rebuild: string[];
          };
          // Sources sort as text: the archive paths ("/…") before the registry references ("docker://…").
          const expected = fromArchives.images.map(({ archive, ...row }, n) => {
            const image = images[n]!;
            if (n < images.length - IN_REGISTRY) return { source: archive, ...row };
            return { source: refOf(image), ...row, names: [registryName(image)] };
          });
          expect(fromIndex.images).toEqual(expected);
          expect(fromIndex.rebuild).toEqual(
            expected.filter((r) => (r as { affected?: boolean }).affected).map((r) => r.names[0]),
          );
        }
      } finally {
        for (const w of workers) w.child.kill('SIGTERM');
        await Promise.all(workers.map((w) => exited(w.child)));
      }
    }, 600_000);
  },
);
