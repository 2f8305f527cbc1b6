/**
 * compareImages on synthetic layer stacks: the config fields, the common base of the layer lists, file counts
 * and bytes, setuid files that are new, changes per directory, and the JSON contract's keys.
 */
import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../image/model';
import { buildLayerStack } from '../layers/layer-stack';
import { dir, file, whiteout } from '../layers/layer-builders';
import type { TarEntry } from '../model/tar-entry';
import { listFileChanges } from './compare-files';
import { compareImages } from './compare-images';
import type { CompareSide } from './compare-side';

function side(
  name: string,
  diffIds: string[],
  layers: TarEntry[][],
  config: Record<string, unknown>,
): CompareSide {
  const image = {
    id: `sha256:${name.padEnd(64, '0')}`,
    rawNames: [name],
    config,
    layers: diffIds.map((diffId, index) => ({ index, diffId })),
  } as unknown as ImageRecord;
  return {
    image,
    name,
    size: layers.flat().reduce((sum, e) => sum + e.size, 0),
    stack: buildLayerStack(layers),
    packageDbs: [],
    linkGraph: { nodes: [], edges: [], unresolved: [], loads: new Map() },
    warnings: [],
  };
}

const base = [
  dir('/etc'),
  file('/etc/os-release', 40),
  dir('/usr/bin'),
  file('/usr/bin/su', 50, { mode: 0o4755 }),
];

describe('compareImages', () => {
  const oldSide = side(
    'localhost/a:1',
    ['sha256:b', 'sha256:x'],
    [base, [file('/usr/bin/old', 100), file('/etc/conf', 10)]],
    {
      Env: ['PATH=/bin'],
      Cmd: ['/bin/sh'],
      Labels: { b: '2', a: '1' },
      ExposedPorts: {},
    },
  );
  const newSide = side(
    'localhost/a:2',
    ['sha256:b', 'sha256:y', 'sha256:z'],
    [
      base,
      [file('/usr/bin/new', 300), file('/usr/bin/ping', 20, { mode: 0o4755 }), file('/etc/conf', 12)],
      [file('/usr/bin/sudo', 10, { mode: 0o2755 }), whiteout('/etc/os-release')],
    ],
    { Env: ['PATH=/bin', 'A=1'], Cmd: ['/bin/sh'], Labels: { a: '1', b: '2' }, User: '1000' },
  );
  const result = compareImages(oldSide, newSide);

  it('keeps the JSON contract keys', () => {
    expect(Object.keys(result)).toEqual([
      'version',
      'old',
      'new',
      'config',
      'layers',
      'size',
      'files',
      'packages',
      'linkage',
      'waste',
    ]);
    expect(result.version).toBe(1);
    expect(result.old).toEqual({ name: 'localhost/a:1', id: `sha256:${'localhost/a:1'.padEnd(64, '0')}` });
  });

  it('config: only fields that differ; key order and empty maps do not count', () => {
    expect(result.config.changed).toEqual([
      { key: 'Env', old: ['PATH=/bin'], new: ['PATH=/bin', 'A=1'] },
      { key: 'User', old: null, new: '1000' },
    ]);
  });

  it('layers: the common base bottom up, the rest removed and added', () => {
    expect(result.layers).toEqual({
      shared: ['sha256:b'],
      removed: ['sha256:x'],
      added: ['sha256:y', 'sha256:z'],
    });
  });

  it('size: uncompressed bytes and the delta', () => {
    expect(result.size).toEqual({ old: 200, new: 432, delta: 232 });
  });

  it('files: counts, bytes, largest, per directory, new setuid (not the one both have)', () => {
    expect(result.files).toMatchObject({
      added: 3,
      modified: 1,
      removed: 2,
      addedBytes: 330,
      removedBytes: 140,
    });
    expect(result.files.largest[0]).toEqual({ path: '/usr/bin/new', change: 'added', size: 300 });
    expect(result.files.byDirectory).toEqual([
      { path: '/usr/bin', added: 3, modified: 0, removed: 1, bytes: 230 },
      { path: '/etc', added: 0, modified: 1, removed: 1, bytes: -38 },
    ]);
    expect(result.files.newSetuid).toEqual([
      { path: '/usr/bin/ping', mode: '4755' },
      { path: '/usr/bin/sudo', mode: '2755' },
    ]);
  });

  it("files: each directory's changed paths, largest first, as many as its counts say", () => {
    const listing = listFileChanges(oldSide.stack, newSide.stack);
    expect(listing.files).toEqual(result.files);
    expect(listing.byDirectory.get('/usr/bin')).toEqual({
      files: [
        { path: '/usr/bin/new', change: 'added', size: 300 },
        { path: '/usr/bin/old', change: 'removed', size: 100 },
        { path: '/usr/bin/ping', change: 'added', size: 20 },
        { path: '/usr/bin/sudo', change: 'added', size: 10 },
      ],
      total: 4,
    });
    for (const d of result.files.byDirectory)
      expect(listing.byDirectory.get(d.path)?.total).toBe(d.added + d.modified + d.removed);
  });

  it('the same image against itself changes nothing', () => {
    const same = compareImages(oldSide, oldSide);
    expect(same.config.changed).toEqual([]);
    expect(same.layers.removed).toEqual([]);
    expect(same.files).toMatchObject({ added: 0, modified: 0, removed: 0 });
    expect(same.size.delta).toBe(0);
  });
});
