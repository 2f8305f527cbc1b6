import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRpmDbBytes } from './rpm-db';
import type { DetectedRpmDb } from './rpm-db';
import { packageDbError } from '../testing/package-db-error';

const RPM = join(import.meta.dirname, '../../../fixtures/packages/rpm');
const require = createRequire(import.meta.url);
const sqlite = { wasmBinary: readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')) };
const bdb = new Uint8Array(readFileSync(join(RPM, 'Packages-le-4k.bdb')));
const sqliteDb = new Uint8Array(readFileSync(join(RPM, 'rpmdb.sqlite')));

function patched(bytes: Uint8Array, at: number, values: number[]): Uint8Array {
  const copy = bytes.slice();
  copy.set(values, at);
  return copy;
}

function ndb(version: number, slot: number[] = [], blob: number[] = []): Uint8Array {
  const bytes = new Uint8Array(8192);
  const view = new DataView(bytes.buffer);
  bytes.set([0x52, 0x70, 0x6d, 0x50], 0); // 'RpmP'
  view.setUint32(4, version, true);
  view.setUint32(12, 1, true);
  bytes.set(slot, 32);
  bytes.set(blob, 4096);
  return bytes;
}
const SLOT = [0x53, 0x6c, 0x6f, 0x74, 7, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0]; // 'Slot', pkgidx 7, blkoff 256

/** The exact sentence a user sees for each damaged database (docs/conventions.md#errors-are-sentences). */
const CASES: [string, DetectedRpmDb['format'], Uint8Array, string][] = [
  [
    'a BDB file cut inside its meta page',
    'rpm-bdb',
    bdb.subarray(0, 100),
    'The Berkeley DB file is shorter than one page; it is damaged.',
  ],
  [
    'an encrypted BDB',
    'rpm-bdb',
    patched(bdb, 24, [1]),
    'The Berkeley DB database is encrypted; strata cannot read it.',
  ],
  [
    'a BDB page size that is no power of two',
    'rpm-bdb',
    patched(bdb, 20, [0x00, 0x30, 0, 0]),
    'The Berkeley DB page size 12288 is not a power of two from 512 to 65536.',
  ],
  [
    'a BDB overflow page overwritten',
    'rpm-bdb',
    patched(bdb, 3 * 4096 + 25, [13]),
    'The Berkeley DB overflow chain from page 3 is broken at page 3.',
  ],
  [
    'an ndb of another version',
    'rpm-ndb',
    ndb(3),
    'The rpm ndb database has version 3; strata reads version 0.',
  ],
  [
    'an ndb slot pointing at no blob',
    'rpm-ndb',
    ndb(0, SLOT),
    'The rpm ndb blob of package 7 has no matching BlbS header; the file is damaged.',
  ],
  [
    'an sqlite file cut after its first page',
    'rpm-sqlite',
    sqliteDb.subarray(0, 4096),
    'The SQLite file has no readable rpm Packages table (database disk image is malformed).',
  ],
];

describe('damaged rpm databases: the sentence a user sees', () => {
  it.each(CASES)('%s', async (_name, format, bytes, message) => {
    const read = await readRpmDbBytes(bytes, format, undefined, sqlite);
    expect(read).toEqual(packageDbError(message));
  });

  it('skips one damaged header and keeps the rest, with a warning', async () => {
    // Overwrite the start of the second header on the 64 KiB-page file, where headers are inline.
    const inline = new Uint8Array(readFileSync(join(RPM, 'Packages-le-64k.bdb')));
    const at = findBigEndian(inline, 0x3f); // the first region tag of the first header found
    const damaged = patched(inline, at - 8, [0xff, 0xff, 0xff, 0xff]);
    const read = await readRpmDbBytes(damaged, 'rpm-bdb', undefined, sqlite);
    if (read instanceof Error) throw read;
    expect(read.packages).toHaveLength(1);
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatch(
      /^The rpm header claims 4294967295 tags and \d+ data bytes but holds \d+ bytes; it is damaged\.$/,
    );
  });
});

/** Offset of the first entry whose tag is `tag` (u32 big-endian) and type BIN with count 16. */
function findBigEndian(bytes: Uint8Array, tag: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 16 <= bytes.length; at += 1) {
    if (view.getUint32(at) === tag && view.getUint32(at + 4) === 7 && view.getUint32(at + 12) === 16)
      return at;
  }
  throw new Error('no region tag found');
}
