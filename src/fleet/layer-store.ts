/**
 * Layers in the index, by diff_id: claimed by one indexer at a time under a lease, then stored in one
 * transaction that also marks them done, so a layer is either absent, being read by someone whose
 * lease still runs, or complete. An indexer killed mid-read leaves a claim whose lease runs out; the
 * next indexer to ask takes the layer over. Nothing half-written is ever visible.
 */
import type { SparseFile } from '../core/session/elf-prefetch';
import type { TarEntry } from '../core';
import type { Sql } from './sql';
import { insertRows } from './sql-rows';

/** A layer as the index keeps it: every tar entry, and the bytes of files linkage and packages read. */
export interface StoredLayer {
  readonly diffId: string;
  readonly entries: readonly TarEntry[];
  readonly kept: ReadonlyMap<number, SparseFile>;
}

export type Claim = 'mine' | 'done' | 'busy';

/** Seconds a claim holds without renewal; STRATA_FLEET_LEASE_SECONDS shortens it (tests of killed workers). */
export function leaseSeconds(): number {
  const v = Number(process.env['STRATA_FLEET_LEASE_SECONDS']);
  return Number.isFinite(v) && v > 0 ? v : 60;
}

export async function claimLayer(sql: Sql, diffId: string, worker: string): Promise<Claim> {
  const took = await sql.query(
    `INSERT INTO layers (diff_id, state, claimed_by, lease_until)
     VALUES ($1, 'claimed', $2, now() + make_interval(secs => $3))
     ON CONFLICT (diff_id) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, lease_until = EXCLUDED.lease_until
       WHERE layers.state = 'claimed' AND (layers.lease_until < now() OR layers.claimed_by = EXCLUDED.claimed_by)
     RETURNING diff_id`,
    [diffId, worker, leaseSeconds()],
  );
  if (took.length > 0) return 'mine';
  const [row] = await sql.query<{ state: string }>('SELECT state FROM layers WHERE diff_id = $1', [diffId]);
  return row?.state === 'done' ? 'done' : 'busy';
}

/** Keeps a claim alive while a long layer is read; stop it when the layer is stored or given up. */
export function renewWhileWorking(sql: Sql, diffIds: readonly string[], worker: string): () => void {
  const timer = setInterval(
    () => {
      void sql
        .query(
          `UPDATE layers SET lease_until = now() + make_interval(secs => $3)
           WHERE diff_id = ANY($1) AND claimed_by = $2 AND state = 'claimed'`,
          [diffIds, worker, leaseSeconds()],
        )
        .catch(() => undefined);
    },
    (leaseSeconds() * 1000) / 3,
  );
  timer.unref();
  return () => clearInterval(timer);
}

/** Gives a claim back (the layer could not be read): the next indexer may try it at once. */
export async function releaseLayer(sql: Sql, diffId: string, worker: string): Promise<void> {
  await sql.query(`DELETE FROM layers WHERE diff_id = $1 AND claimed_by = $2 AND state = 'claimed'`, [
    diffId,
    worker,
  ]);
}

function toBase64Map(xattrs: TarEntry['xattrs']): Record<string, string> | null {
  if (xattrs === undefined) return null;
  return Object.fromEntries(Object.entries(xattrs).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
}

const ENTRY_COLUMNS = {
  seq: 'integer',
  path: 'text',
  kind: 'text',
  mode: 'integer',
  uid: 'integer',
  gid: 'integer',
  size: 'bigint',
  mtime: 'double precision',
  link_target: 'text',
  uname: 'text',
  gname: 'text',
  dev_major: 'integer',
  dev_minor: 'integer',
  xattrs: 'jsonb',
  data_offset: 'bigint',
  header_offset: 'bigint',
  real_size: 'bigint',
};
const CONTENT_BATCH = 100;

/**
 * Stores a claimed layer and marks it done, in one transaction. Returns false when the claim was lost
 * (the lease ran out and another indexer took the layer): that indexer stores it, this one does not.
 */
export async function storeLayer(
  sql: Sql,
  layer: StoredLayer & { readonly compression: string; readonly size: number },
  worker: string,
): Promise<boolean> {
  return sql.transaction(async (tx) => {
    const own = await tx.query(
      `UPDATE layers SET state = 'done', claimed_by = NULL, lease_until = NULL, compression = $3,
         size = $4, entry_count = $5, indexed_at = now()
       WHERE diff_id = $1 AND claimed_by = $2 AND state = 'claimed' RETURNING diff_id`,
      [layer.diffId, worker, layer.compression, layer.size, layer.entries.length],
    );
    if (own.length === 0) return false;
    const rows = layer.entries.map((e, seq) => ({
      seq,
      path: e.path,
      kind: e.kind,
      mode: e.mode,
      uid: e.uid,
      gid: e.gid,
      size: e.size,
      mtime: e.mtime,
      link_target: e.linkTarget,
      uname: e.uname,
      gname: e.gname,
      dev_major: e.devMajor,
      dev_minor: e.devMinor,
      xattrs: toBase64Map(e.xattrs),
      data_offset: e.dataOffset,
      header_offset: e.headerOffset,
      real_size: e.realSize,
    }));
    await insertRows(tx, 'layer_entries', ['diff_id', layer.diffId], rows, ENTRY_COLUMNS);
    const ranges = [...layer.kept].flatMap(([offset, file]) =>
      file.ranges.map((r) => [offset, file.size, r.offset, r.bytes] as const),
    );
    for (let i = 0; i < ranges.length; i += CONTENT_BATCH) {
      const batch = ranges.slice(i, i + CONTENT_BATCH);
      const values = batch.map((_, j) => `($1, $${j * 4 + 2}, $${j * 4 + 3}, $${j * 4 + 4}, $${j * 4 + 5})`);
      await tx.query(
        `INSERT INTO layer_contents (diff_id, data_offset, file_size, range_offset, bytes) VALUES ${values.join(', ')}`,
        [layer.diffId, ...batch.flat()],
      );
    }
    return true;
  });
}

interface EntryRow {
  path: string;
  kind: TarEntry['kind'];
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  link_target: string;
  uname: string;
  gname: string;
  dev_major: number;
  dev_minor: number;
  xattrs: Record<string, string> | null;
  data_offset: number;
  header_offset: number;
  real_size: number;
}

function toEntry(r: EntryRow): TarEntry {
  return {
    path: r.path,
    kind: r.kind,
    mode: r.mode,
    uid: r.uid,
    gid: r.gid,
    size: r.size,
    mtime: r.mtime,
    linkTarget: r.link_target,
    uname: r.uname,
    gname: r.gname,
    devMajor: r.dev_major,
    devMinor: r.dev_minor,
    xattrs:
      r.xattrs === null
        ? undefined
        : Object.fromEntries(
            Object.entries(r.xattrs).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))]),
          ),
    dataOffset: r.data_offset,
    headerOffset: r.header_offset,
    realSize: r.real_size,
  };
}

/** A stored layer, whole; undefined when the index has no finished copy of it. */
export async function loadLayer(sql: Sql, diffId: string): Promise<StoredLayer | undefined> {
  const [state] = await sql.query<{ state: string }>('SELECT state FROM layers WHERE diff_id = $1', [diffId]);
  if (state?.state !== 'done') return undefined;
  const rows = await sql.query<EntryRow>(
    `SELECT path, kind, mode, uid, gid, size::float8 AS size, mtime, link_target, uname, gname, dev_major,
       dev_minor, xattrs, data_offset::float8 AS data_offset, header_offset::float8 AS header_offset,
       real_size::float8 AS real_size
     FROM layer_entries WHERE diff_id = $1 ORDER BY seq`,
    [diffId],
  );
  const contents = await sql.query<{
    data_offset: number;
    file_size: number;
    range_offset: number;
    bytes: Uint8Array;
  }>(
    `SELECT data_offset::float8 AS data_offset, file_size::float8 AS file_size,
       range_offset::float8 AS range_offset, bytes
     FROM layer_contents WHERE diff_id = $1 ORDER BY data_offset, range_offset`,
    [diffId],
  );
  const kept = new Map<number, { size: number; ranges: { offset: number; bytes: Uint8Array }[] }>();
  for (const c of contents) {
    let file = kept.get(c.data_offset);
    if (file === undefined) kept.set(c.data_offset, (file = { size: c.file_size, ranges: [] }));
    file.ranges.push({ offset: c.range_offset, bytes: new Uint8Array(c.bytes) });
  }
  return { diffId, entries: rows.map(toEntry), kept };
}

/** Whether the index holds a finished copy of the layer. */
export async function layerStored(sql: Sql, diffId: string): Promise<boolean> {
  const rows = await sql.query(`SELECT 1 FROM layers WHERE diff_id = $1 AND state = 'done'`, [diffId]);
  return rows.length > 0;
}
