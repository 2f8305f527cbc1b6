/**
 * The fleet index at 1,000 images: 20 synthetic images (fixtures/fleet) indexed for real, then their
 * image rows copied in SQL under new sources until the index holds 1,000 images with the same per-image
 * rows (link graph, owners, packages, layers). Times `rdeps --db` and `query` against it, on PGlite and,
 * when Debian's postgresql is installed, on a PostgreSQL server. Writes bench/out/fleet.json.
 *
 *   npx tsx bench/fleet/fleet-bench.ts [--images 1000] [--runs 5] [--keep DIR]
 *
 * --keep DIR leaves the PGlite index in DIR (and skips the server) for looking into it afterwards.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFleetImages } from '../../fixtures/fleet/fleet-images';
import { blastRadiusFromIndex } from '../../src/fleet/blast-radius-query';
import { findFile, listImages, listPackages } from '../../src/fleet/fleet-queries';
import { runIndex } from '../../src/fleet/index-run';
import { migrate } from '../../src/fleet/migrations';
import { openSql, type Sql } from '../../src/fleet/sql';
import { postgresBin, startPostgres } from '../../src/fleet/testing/postgres-server';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const TOTAL = flag('--images', 1000);
const RUNS = flag('--runs', 5);
const REAL = 20;
const keepAt = args.indexOf('--keep');
const KEEP = keepAt >= 0 ? args[keepAt + 1] : undefined;

const IMAGE_TABLES = [
  'image_layers',
  'image_nodes',
  'image_node_owners',
  'image_edges',
  'image_graphs',
  'image_packages',
];

/**
 * Copies the indexed images under `source#copy-N` until there are `total`: each round copies every
 * original's rows with its id shifted past the last one, so the copies carry the same per-image rows.
 */
async function replicate(sql: Sql, total: number): Promise<void> {
  const [{ n, max } = { n: 0, max: 0 }] = await sql.query<{ n: number; max: number }>(
    'SELECT count(*)::int AS n, max(id)::int AS max FROM images',
  );
  const columns = async (table: string) =>
    (
      await sql.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND column_name NOT IN ('id', 'image')
         ORDER BY ordinal_position`,
        [table],
      )
    ).map((c) => c.column_name);
  const imageColumns = (await columns('images')).filter((c) => c !== 'source' && c !== 'indexed_at');
  for (let copy = 1, count = n; count < total; copy++) {
    const shift = max * copy;
    const take = Math.min(n, total - count);
    await sql.query(
      `INSERT INTO images (id, source, ${imageColumns.join(', ')})
       SELECT id + $1, source || '#copy-' || $2, ${imageColumns.join(', ')} FROM images
       WHERE id <= $3 ORDER BY id LIMIT $4`,
      [shift, copy, max, take],
    );
    for (const table of IMAGE_TABLES) {
      const cols = (await columns(table)).join(', ');
      await sql.query(
        `INSERT INTO ${table} (image, ${cols}) SELECT image + $1, ${cols} FROM ${table}
         WHERE image IN (SELECT id FROM images WHERE id <= $2 ORDER BY id LIMIT $3)`,
        [shift, max, take],
      );
    }
    count += take;
  }
  await sql.query(`SELECT setval(pg_get_serial_sequence('images', 'id'), (SELECT max(id) FROM images))`);
}

async function time(label: string, fn: () => Promise<unknown>): Promise<{ label: string; ms: number[] }> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    ms.push(Math.round(performance.now() - start));
  }
  return { label, ms };
}

async function measure(sql: Sql) {
  const [counts] = await sql.query<{ images: number; nodes: number; edges: number }>(
    `SELECT (SELECT count(*)::int FROM images) AS images, (SELECT count(*)::int FROM image_nodes) AS nodes,
       (SELECT count(*)::int FROM image_edges) AS edges`,
  );
  const affected = (await blastRadiusFromIndex(sql, 'libone1')).filter((i) => i.affected).length;
  return {
    counts: { ...counts!, affectedByLibone1: affected },
    timings: [
      await time('rdeps --db libone1 (package)', () => blastRadiusFromIndex(sql, 'libone1')),
      await time('rdeps --db libtwo.so.1 (library)', () => blastRadiusFromIndex(sql, 'libtwo.so.1')),
      await time("rdeps --db --version '<1.2' libone1", () =>
        blastRadiusFromIndex(sql, 'libone1', [{ op: '<', version: '1.2' }]),
      ),
      await time('rdeps --db libnope9 (no image)', () => blastRadiusFromIndex(sql, 'libnope9')),
      await time('query images', () => listImages(sql)),
      await time('query packages', () => listPackages(sql)),
      await time('query file /opt/t/lib/libone.so.1', () => findFile(sql, '/opt/t/lib/libone.so.1')),
    ],
  };
}

async function prepare(sql: Sql, dir: string) {
  await migrate(sql);
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  const index = await runIndex(
    sql,
    writeFleetImages(dir, REAL).map((i) => ({ kind: 'archive' as const, path: i.path })),
    {},
  );
  const indexMs = Math.round(performance.now() - started);
  const copyStart = performance.now();
  await replicate(sql, TOTAL);
  return { indexed: index.layers, indexMs, replicateMs: Math.round(performance.now() - copyStart) };
}

const dir = mkdtempSync(join(tmpdir(), 'strata-fleet-bench-'));
const results: Record<string, unknown> = { images: TOTAL, realImages: REAL, runs: RUNS };
try {
  const lite = await openSql(KEEP ?? join(dir, 'index'));
  try {
    results['pglite'] = { ...(await prepare(lite, dir)), ...(await measure(lite)) };
  } finally {
    await lite.close();
  }
  if (KEEP === undefined && postgresBin() !== undefined) {
    const pg = await startPostgres();
    try {
      const server = await openSql(pg.url);
      try {
        results['postgres'] = { ...(await prepare(server, join(dir, 'pg'))), ...(await measure(server)) };
      } finally {
        await server.close();
      }
    } finally {
      pg.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
mkdirSync(join(import.meta.dirname, '../out'), { recursive: true });
writeFileSync(join(import.meta.dirname, '../out/fleet.json'), JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
