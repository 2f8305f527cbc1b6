import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNdb } from '../../../fixtures/packages/ndb-writer';
import { readBerkeleyHash } from './berkeley-db-hash';
import { readRpmDbBytes } from './rpm-db';

const RPM = join(import.meta.dirname, '../../../fixtures/packages/rpm');

describe("the fixtures' ndb writer", () => {
  it('gives an ndb that reads as the same packages as the Berkeley DB it was made from', async () => {
    const bdb = new Uint8Array(readFileSync(join(RPM, 'Packages-le-4k.bdb')));
    const records = readBerkeleyHash(bdb);
    if (records instanceof Error) throw records;
    const blobs = records.filter(
      (r) => new DataView(r.key.buffer, r.key.byteOffset).getUint32(0, true) !== 0,
    );
    const ndb = await readRpmDbBytes(writeNdb(blobs.map((r) => r.value)), 'rpm-ndb', undefined, {});
    const fromBdb = await readRpmDbBytes(bdb, 'rpm-bdb', undefined, {});
    if (ndb instanceof Error) throw ndb;
    if (fromBdb instanceof Error) throw fromBdb;
    expect(ndb.packages.map((p) => p.name).sort()).toEqual(['greet', 'zlib1g']);
    expect(ndb.packages).toEqual(fromBdb.packages);
  });
});
