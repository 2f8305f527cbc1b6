import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRpmSqlite } from './rpm-sqlite';
import { applySqliteWal } from './sqlite-wal';
import { packageDbError } from '../testing/package-db-error';

const RPM = join(import.meta.dirname, '../../../fixtures/packages/rpm');
const require = createRequire(import.meta.url);
const sqlite = { wasmBinary: readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')) };
const base = new Uint8Array(readFileSync(join(RPM, 'wal-base.sqlite')));
// sqlite3 wrote two transactions: frames 0-3 (DELETE FROM Packages, commit at frame 3) and
// frames 4-5 (DELETE FROM Name, commit at frame 5); 4096-byte pages.
const wal = new Uint8Array(readFileSync(join(RPM, 'wal-base.sqlite-wal')));
const FRAME = 24 + 4096;

async function packageCount(walBytes: Uint8Array): Promise<number> {
  const read = await readRpmSqlite(base, walBytes, sqlite);
  if (read instanceof Error) throw read;
  return read.blobs.length;
}

describe('SQLite WAL applied to the page image', () => {
  it('applies both committed transactions (the last frame of a page wins)', () => {
    const applied = applySqliteWal(base, wal);
    if (applied instanceof Error) throw applied;
    expect(applied.framesApplied).toBe(6);
    expect([applied.database[18], applied.database[19]]).toEqual([1, 1]);
  });

  it('drops frames after the last commit frame', async () => {
    const withoutLastFrame = wal.subarray(0, 32 + 5 * FRAME);
    const applied = applySqliteWal(base, withoutLastFrame);
    if (applied instanceof Error) throw applied;
    expect(applied.framesApplied).toBe(4);
    // The first transaction alone already deleted the package row.
    expect(await packageCount(withoutLastFrame)).toBe(1);
  });

  it('stops at a frame whose checksum fails, as SQLite recovery does', async () => {
    const damaged = wal.slice();
    damaged[32 + 24 + 100]! ^= 0xff;
    expect(applySqliteWal(base, damaged)).toEqual({ database: base, framesApplied: 0 });
    expect(await packageCount(damaged)).toBe(2);
  });

  it('ignores frames of an older log generation (salts differ)', () => {
    const stale = wal.slice();
    stale[32 + 3 * FRAME + 8]! ^= 0x01;
    const applied = applySqliteWal(base, stale);
    if (applied instanceof Error) throw applied;
    expect(applied.framesApplied).toBe(0);
  });

  it('treats an empty -wal as no log and a foreign one as damage', () => {
    expect(applySqliteWal(base, new Uint8Array(0))).toEqual({ database: base, framesApplied: 0 });
    expect(applySqliteWal(base, new Uint8Array(64).fill(7))).toEqual(
      packageDbError('The -wal file beside the SQLite database has no WAL magic; it is damaged.'),
    );
  });
});
