import { describe, expect, it } from 'vitest';
import { syntheticPackageHeader, writeRpmHeader } from '../../../fixtures/packages/rpm-header-writer';
import { describePackage } from './package-dump';
import { parseRpmHeader } from './rpm-header';
import { readRpmPackage } from './rpm-package';
import { packageDbError } from '../testing/package-db-error';

describe('rpm header blobs', () => {
  it('reads every type: strings, i18n (first locale), char, int16, int32, int64, bin', () => {
    const blob = writeRpmHeader([
      [1000, { type: 'string', value: 'n' }],
      [1004, { type: 'i18n', value: ['C text', 'de Text'] }],
      [1029, { type: 'char', value: [0, 2] }],
      [1030, { type: 'int16', value: [0o100644, 0o40755] }],
      [1028, { type: 'int32', value: [1, 0xffffffff] }],
      [5008, { type: 'int64', value: [2 ** 40] }],
      [1012, { type: 'bin', value: new Uint8Array([1, 2, 3]) }],
      [1117, { type: 'strings', value: ['a', '', 'ü'] }],
    ]);
    const header = parseRpmHeader(blob);
    if (header instanceof Error) throw header;
    expect(Object.fromEntries(header.tags)).toEqual({
      1000: 'n',
      1004: 'C text',
      1029: [0, 2],
      1030: [0o100644, 0o40755],
      1028: [1, 0xffffffff],
      5008: [2 ** 40],
      1012: new Uint8Array([1, 2, 3]),
      1117: ['a', '', 'ü'],
    });
  });

  it('lets a later dribble entry win over the region entry of the same tag', () => {
    const blob = syntheticPackageHeader('pkg', ['/usr/bin/a'], [[1029, { type: 'char', value: [2] }]]);
    const pkg = readRpmPackage(blob);
    if (pkg instanceof Error) throw pkg;
    expect(pkg.files).toEqual([
      { path: '/usr/bin/a', flags: 0, installed: false, digest: '', linkTarget: '' },
    ]);
  });

  it('joins DIRNAMES[DIRINDEXES[i]] + BASENAMES[i], or reads OLDFILENAMES', () => {
    const pkg = readRpmPackage(syntheticPackageHeader('p', ['/usr/lib/x', '/etc/y', '/usr/lib/z']));
    if (pkg instanceof Error) throw pkg;
    expect(pkg.files.map((f) => f.path)).toEqual(['/usr/lib/x', '/etc/y', '/usr/lib/z']);
    const old = readRpmPackage(
      writeRpmHeader([
        [1000, { type: 'string', value: 'old' }],
        [1027, { type: 'strings', value: ['/bin/old'] }],
      ]),
    );
    if (old instanceof Error) throw old;
    expect(describePackage(old)).toBe('old  (none) size=0 files=1');
    expect(old.files[0]?.path).toBe('/bin/old');
  });

  it('states the damage of a truncated or nameless header as a sentence', () => {
    const blob = syntheticPackageHeader('p', ['/a']);
    expect(readRpmPackage(blob.subarray(0, 40))).toEqual(
      packageDbError(
        `The rpm header claims 14 tags and ${blob.length - 8 - 14 * 16} data bytes but holds 40 bytes; it is damaged.`,
      ),
    );
    expect(readRpmPackage(new Uint8Array(3))).toEqual(
      packageDbError('The rpm header is 3 bytes long, too short to hold one.'),
    );
    expect(readRpmPackage(writeRpmHeader([[1001, { type: 'string', value: '1' }]]))).toEqual(
      packageDbError('An rpm header without a NAME tag was skipped.'),
    );
  });
});
