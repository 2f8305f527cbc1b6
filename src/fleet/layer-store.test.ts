/**
 * Layer claims on PGlite: one claimant at a time, a claim whose lease ran out taken over, a late store by
 * the first claimant refused so the layer is stored once; migrations applied once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from './migrations';
import { claimLayer, layerStored, loadLayer, releaseLayer, storeLayer } from './layer-store';
import { openSql, type OpenedSql } from './sql';

const LAYER = {
  diffId: 'sha256:' + 'ab'.repeat(32),
  entries: [
    {
      path: '/bin/x',
      kind: 'file' as const,
      mode: 0o755,
      uid: 0,
      gid: 0,
      size: 5,
      mtime: 1.5,
      linkTarget: '',
      uname: 'root',
      gname: 'root',
      devMajor: 0,
      devMinor: 0,
      xattrs: { 'security.capability': new Uint8Array([1, 2, 3]) },
      dataOffset: 512,
      headerOffset: 0,
      realSize: 5,
    },
  ],
  kept: new Map([
    [512, { size: 5, ranges: [{ offset: 0, bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2]) }] }],
  ]),
  compression: 'gzip',
  size: 5,
};

describe('layer claims and storage', () => {
  let sql: OpenedSql;
  beforeAll(async () => {
    sql = await openSql(':memory:');
  });
  afterAll(() => sql.close());

  it('migrates once to the current schema version', async () => {
    expect(await migrate(sql)).toEqual([SCHEMA_VERSION]);
    expect(await migrate(sql)).toEqual([]);
    const rows = await sql.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(rows.map((r) => r.version)).toEqual([1]);
  });

  it('one claimant; a lapsed lease is taken over; the late store is refused', async () => {
    process.env['STRATA_FLEET_LEASE_SECONDS'] = '0.2';
    try {
      expect(await claimLayer(sql, LAYER.diffId, 'a')).toBe('mine');
      expect(await claimLayer(sql, LAYER.diffId, 'b')).toBe('busy');
      await new Promise((r) => setTimeout(r, 300));
      expect(await claimLayer(sql, LAYER.diffId, 'b')).toBe('mine');
      expect(await storeLayer(sql, LAYER, 'a')).toBe(false);
      expect(await layerStored(sql, LAYER.diffId)).toBe(false);
      expect(await storeLayer(sql, LAYER, 'b')).toBe(true);
      expect(await claimLayer(sql, LAYER.diffId, 'c')).toBe('done');
    } finally {
      delete process.env['STRATA_FLEET_LEASE_SECONDS'];
    }
  });

  it('gives back the entries and kept bytes it stored', async () => {
    const loaded = await loadLayer(sql, LAYER.diffId);
    expect(loaded?.entries).toEqual(LAYER.entries);
    expect(loaded?.kept).toEqual(LAYER.kept);
  });

  it('a released claim can be taken at once', async () => {
    const other = 'sha256:' + 'cd'.repeat(32);
    expect(await claimLayer(sql, other, 'a')).toBe('mine');
    await releaseLayer(sql, other, 'a');
    expect(await claimLayer(sql, other, 'b')).toBe('mine');
  });
});
