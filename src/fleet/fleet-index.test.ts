/**
 * The fleet index on PGlite, through the CLI: layers stored once however many images share them, a
 * second run reads nothing, and `rdeps --db` answers exactly what `rdeps` over the archives answers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFleetImages, type FleetImage } from '../../fixtures/fleet/fleet-images';
import { runCli } from '../cli/testing/run-cli';

const ROOT = join(import.meta.dirname, '../..');

interface IndexJson {
  images: { id: string; names: string[]; source: string }[];
  layers: { indexed: number; reused: number };
}

/** The archive command's JSON with `archive` renamed `source`: what the index must print. */
function asIndexed(json: string): unknown {
  const parsed = JSON.parse(json) as { images: Record<string, unknown>[] };
  return {
    ...parsed,
    images: parsed.images.map(({ archive, ...rest }) => ({ source: archive, ...rest })),
  };
}

describe('strata index and rdeps --db over synthetic images sharing layers', () => {
  let dir: string;
  let db: string;
  let images: FleetImage[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'strata-fleet-'));
    db = join(dir, 'index');
    images = writeFleetImages(join(dir), 6);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads each unique layer once; a second run reads nothing and adds no image', async () => {
    const first = await runCli(['index', '--db', db, '--json', dir]);
    expect(first.err).toContain('[6/6 images, 24/24 layers (13 read, 0 reused)');
    expect(first.code).toBe(0);
    const json = JSON.parse(first.out) as IndexJson;
    // Shared: the edge root, the dpkg layer, five package versions; each image's own layer: 2 + 5 + 6.
    expect(json.layers).toEqual({ indexed: 13, reused: 0 });
    expect(json.images.map((i) => i.names)).toEqual(images.map((i) => [i.name]));
    expect(json.images.map((i) => i.source)).toEqual(images.map((i) => i.path));

    const again = JSON.parse((await runCli(['index', '--db', db, '--json', dir])).out) as IndexJson;
    expect(again.layers).toEqual({ indexed: 0, reused: 13 });
    expect(again.images).toEqual(json.images);
    const listed = JSON.parse((await runCli(['query', 'images', '--db', db, '--json'])).out) as unknown[];
    expect(listed).toHaveLength(6);
  });

  it.each(['libone1', 'libone.so.1', 'libtwo.so.1', 'libnope9'])(
    'rdeps --db %s is the archive answer with the source for the archive',
    async (name) => {
      const fromIndex = await runCli(['rdeps', '--db', db, '--json', name]);
      const fromArchives = await runCli(['rdeps', '--json', name, ...images.map((i) => i.path)]);
      expect(fromIndex.code).toBe(0);
      expect(JSON.parse(fromIndex.out)).toEqual(asIndexed(fromArchives.out));
    },
  );

  it('rdeps --db text is the archive text', async () => {
    const fromIndex = await runCli(['rdeps', '--db', db, 'libone1']);
    const fromArchives = await runCli(['rdeps', 'libone1', ...images.map((i) => i.path)]);
    expect(fromIndex.out).toBe(fromArchives.out);
    expect(fromIndex.out).toContain('REBUILD localhost/fleet-01:1');
  });

  it('--version keeps the images whose package version satisfies it (dpkg order)', async () => {
    const out = await runCli(['rdeps', '--db', db, '--json', '--version', '<1.2', 'libone1']);
    const json = JSON.parse(out.out) as { rebuild: string[] };
    // Versions 1.0 (images 0 and 5) and 1.1 (image 1); image 0 removed the library.
    expect(json.rebuild).toEqual(['localhost/fleet-01:1', 'localhost/fleet-05:1']);
    const newer = JSON.parse(
      (await runCli(['rdeps', '--db', db, '--json', '--version', '>=1.2,<1.4', 'libone1'])).out,
    ) as {
      rebuild: string[];
    };
    expect(newer.rebuild).toEqual(['localhost/fleet-02:1']);
    expect((await runCli(['rdeps', '--db', db, '--version', '~1', 'libone1'])).code).toBe(2);
  });

  it('query packages, file and layer', async () => {
    const packages = JSON.parse(
      (await runCli(['query', 'packages', 'libone1', '--db', db, '--json'])).out,
    ) as {
      version: string;
      images: string[];
    }[];
    expect(packages.map((p) => [p.version, p.images.length])).toEqual([
      ['1.0-1', 2],
      ['1.1-1', 1],
      ['1.2-1', 1],
      ['1.3-1', 1],
      ['1.4-1', 1],
    ]);
    const file = JSON.parse(
      (await runCli(['query', 'file', '/opt/t/lib/libone.so.1', '--db', db, '--json'])).out,
    ) as { names: string[]; present: boolean; layer: number }[];
    expect(file.map((f) => [f.names[0], f.present, f.layer])).toEqual(
      images.map((i) => [i.name, i.index % 3 !== 0, i.index % 3 === 0 ? 3 : 0]),
    );
    const layers = JSON.parse((await runCli(['query', 'images', '--db', db, '--json'])).out) as {
      id: string;
    }[];
    expect(layers).toHaveLength(6);
    const inspect = await runCli(['inspect', '--json', images[0]!.path]);
    const base = (JSON.parse(inspect.out) as { images: { layers: { diffId: string }[] }[] }).images[0]!
      .layers[0]!.diffId;
    const layer = JSON.parse(
      (await runCli(['query', 'layer', base.slice(0, 19), '--db', db, '--json'])).out,
    ) as {
      diffId: string;
      images: unknown[];
    }[];
    expect(layer.map((l) => [l.diffId, l.images.length])).toEqual([[base, 6]]);
    expect((await runCli(['query', 'layer', 'sha256:000000000000', '--db', db])).code).toBe(1);
  });

  it('a bad source is reported on its own and the rest are indexed; exit 1', async () => {
    const bad = join(dir, 'bad');
    writeFileSync(`${bad}.tar`, 'not an archive at all');
    const run = await runCli([
      'index',
      '--db',
      db,
      '--json',
      `${bad}.tar`,
      join(dir, 'missing.tar'),
      images[1]!.path,
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`strata index: ${bad}.tar: `);
    expect(run.err).toContain('missing.tar: no such file or directory.');
    expect((JSON.parse(run.out) as IndexJson).images.map((i) => i.names[0])).toEqual([
      'localhost/fleet-01:1',
    ]);
    rmSync(`${bad}.tar`);
  });

  it('queries need an index that exists', async () => {
    const run = await runCli(['query', 'images', '--db', join(dir, 'nowhere')]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('There is no index at');
  });
});

describe('rdeps --db on the real Debian sample', () => {
  const SAMPLE = join(ROOT, 'public/samples/sample.tar');
  const OTHER = join(ROOT, 'fixtures/archives/podman-docker-archive.tar');
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'strata-fleet-sample-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('libssl3 and libcrypto.so.3: the same answer as from the archives', async () => {
    const db = join(dir, 'index');
    expect((await runCli(['index', '--db', db, SAMPLE, OTHER])).code).toBe(0);
    for (const name of ['libssl3', 'libcrypto.so.3']) {
      const fromIndex = await runCli(['rdeps', '--db', db, '--json', name]);
      // The index lists sources in path order: fixtures/… before public/….
      const fromArchives = await runCli(['rdeps', '--json', name, OTHER, SAMPLE]);
      expect(JSON.parse(fromIndex.out)).toEqual(asIndexed(fromArchives.out));
    }
  });
});
