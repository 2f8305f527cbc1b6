/**
 * The benchmark archives must be images that strata and the containers tools accept, or the
 * benchmark measures an error path. A small tree goes through the same code as make-archive; then
 * strata indexes both shapes (every diff_id verified) and skopeo, where installed, inspects them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveSession, pickImage } from '../../src/core';
import { nodeEnv, openFileSource } from '../../src/cli/node-env';
import { buildLayer } from './build-layer';
import { dealChunks, takeLayer, walkTree } from './walk-tree';
import { ensureZstdArchive } from './zstd-archive';
import { imageConfig, writeDockerArchive, writeOciArchive, type StagedLayer } from './write-image';

let work: string;
let tree: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'strata-bench-test-'));
  tree = join(work, 'tree');
  for (const dir of ['bin', 'lib/x', 'share/doc']) mkdirSync(join(tree, dir), { recursive: true });
  for (let i = 0; i < 40; i++) {
    const dir = ['bin', 'lib/x', 'share/doc'][i % 3]!;
    writeFileSync(join(tree, dir, `f${String(i).padStart(2, '0')}`), `file ${i}\n`.repeat(200 * (i + 1)));
  }
  symlinkSync('x/f01', join(tree, 'lib', 'link'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('walkTree and the dealt chunks', () => {
  it('lists every entry once, directories before their contents', () => {
    const entries = walkTree(tree);
    const paths = entries.map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.indexOf(`${tree.slice(1)}/lib`)).toBeLessThan(paths.indexOf(`${tree.slice(1)}/lib/x/f01`));
    expect(entries.filter((e) => !e.isDir && e.size > 0)).toHaveLength(40);
  });

  it('deals every entry into exactly one chunk', () => {
    const entries = walkTree(tree);
    const chunks = dealChunks(entries, 10_000);
    const covered = chunks.flatMap((c) => entries.slice(c.from, c.to).map((e) => e.path));
    expect(covered.sort()).toEqual(entries.map((e) => e.path).sort());
  });

  it('gives a layer its parent directories and keeps tar order', () => {
    const entries = walkTree(tree);
    const chunks = dealChunks(entries, 10_000);
    const layer = takeLayer(entries, chunks, 1, 20_000);
    expect(layer.paths).toEqual([...layer.paths].sort());
    for (const path of layer.paths) {
      const parent = path.split('/').slice(0, -1).join('/');
      if (parent !== '') expect(layer.paths).toContain(parent);
    }
  });
});

describe('both archive shapes', () => {
  it('open in strata with every layer verified, and skopeo reads them', async () => {
    const entries = walkTree(tree);
    const chunks = dealChunks(entries, 20_000);
    const layers: StagedLayer[] = [];
    for (let i = 0, next = 0; i < 3; i++) {
      const slice = takeLayer(entries, chunks, next, 40_000);
      next = slice.next;
      const files = { gzipFile: join(work, `l${i}.tar.gz`), plainFile: join(work, `l${i}.tar`) };
      const built = await buildLayer({
        paths: slice.paths,
        prefix: '',
        listFile: join(work, `l${i}.list`),
        ...files,
      });
      layers.push({ ...built, ...files, createdBy: `COPY part ${i}`, entries: slice.paths.length });
    }
    const config = imageConfig(layers);
    const oci = writeOciArchive(work, layers, config, 'test', join(work, 'img-oci.tar'));
    const docker = writeDockerArchive(work, layers, config, 'test', join(work, 'docker.tar'));

    for (const archive of [oci, docker]) {
      const statuses = await indexedStatuses(archive.path);
      expect(statuses.map((s) => [s.state, s.verified, s.warnings])).toEqual(
        layers.map(() => ['done', true, []]),
      );
      expect(statuses.map((s) => s.index?.entries.length)).toEqual(layers.map((l) => l.entries));
    }

    const skopeo = skopeoInspect(`oci-archive:${oci.path}`);
    if (skopeo === undefined) {
      console.warn('skopeo is not installed: the archives were checked by strata only.');
      return;
    }
    expect(skopeo.Layers).toEqual(layers.map((l) => l.gzipDigest));
    expect(skopeoInspect(`docker-archive:${docker.path}`)?.Layers).toEqual(layers.map((l) => l.diffId));

    // The zstd shape index-bench adds: skopeo's recompression keeps every diff_id.
    const archives = [{ ...oci, shape: 'oci', compression: 'gzip' }] as const;
    const meta = { version: 1, label: 'test', root: tree, layers: [], archives } as const;
    const zstd = ensureZstdArchive(meta, 'zstd', () => undefined);
    expect(zstd?.blobs).toHaveLength(layers.length);
    const statuses = await indexedStatuses(zstd!.path);
    expect(statuses.map((s) => [s.state, s.verified])).toEqual(layers.map(() => ['done', true]));
  });
});

/** Every layer's status after strata opened and indexed the archive. */
async function indexedStatuses(path: string) {
  const source = await openFileSource(path);
  try {
    const session = await ArchiveSession.open(source, nodeEnv);
    const pick = pickImage(session.info);
    if ('error' in pick) throw new Error(pick.error);
    await session.indexImage(pick.image);
    return pick.image.layers.map((l) => session.status(l));
  } finally {
    await source.close();
  }
}

function skopeoInspect(reference: string): { Layers: string[] } | undefined {
  try {
    execFileSync('skopeo', ['--version'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return JSON.parse(execFileSync('skopeo', ['inspect', reference], { encoding: 'utf8' })) as {
    Layers: string[];
  };
}
