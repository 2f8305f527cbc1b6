/**
 * readCompareSides indexes a layer both images hold (by diff_id, in two archives) once, from the old archive,
 * and compares exactly as when each archive reads its own copy; a shared layer the old archive cannot vouch
 * for is read from the new archive.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { nodeEnv, openFileSource, type FileSource } from '../../cli/node-env';
import type { LayerStatus } from '../session/archive-session';
import { ArchiveSession } from '../session/archive-session';
import { loaderSettings } from '../views/linkage-view';
import { compareImages } from './compare-images';
import { compareMarkdown } from './compare-markdown';
import { readCompareSides, sharedLayerPositions, type CompareInput } from './compare-sides';

const DIR = join(import.meta.dirname, '../../../fixtures/compare');
const OLD = join(DIR, 'app-1.oci-archive.tar');
const NEW = join(DIR, 'app-2.docker-archive.tar.gz');
const PAIRS = join(DIR, 'pairs.docker-archive.tar.gz');

const sources: FileSource[] = [];
afterAll(async () => {
  for (const source of sources) await source.close();
});

async function input(path: string): Promise<CompareInput> {
  const source = await openFileSource(path);
  sources.push(source);
  const session = await ArchiveSession.open(source, nodeEnv);
  const image = session.info.images[0]!;
  return { session, image, options: { settings: loaderSettings(image) } };
}

async function compared(
  shareLayers: boolean,
  prepare?: (old: CompareInput) => void,
  order: 'largest-first' | 'together' = 'largest-first',
) {
  const [old, next] = [await input(OLD), await input(NEW)];
  prepare?.(old);
  const [oldSide, newSide] = await readCompareSides(old, next, { shareLayers, order });
  const result = compareImages(oldSide, newSide);
  const graphs = [oldSide.linkGraph, newSide.linkGraph].map((g) => ({
    nodes: g.nodes,
    edges: g.edges,
    unresolved: g.unresolved,
    loads: [...g.loads].sort(([a], [b]) => (a < b ? -1 : 1)),
  }));
  const states = next.image.layers.map((l) => next.session.status(l).state);
  return { json: JSON.stringify(result), markdown: compareMarkdown(result), graphs, states, newSide };
}

describe('readCompareSides', () => {
  it('finds the layers app:1 and app:2 share by diff_id', async () => {
    const [old, next] = [await input(OLD), await input(NEW)];
    expect([...sharedLayerPositions(old.image, next.image)]).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('indexes a shared layer once, from the old archive, with the same output as reading both copies', async () => {
    const reused = await compared(true);
    const both = await compared(false);
    // The new archive's copies of the two shared layers were never read.
    expect(reused.states).toEqual(['pending', 'pending', 'done']);
    expect(both.states).toEqual(['done', 'done', 'done']);
    expect(reused.json).toBe(both.json);
    expect(reused.markdown).toBe(both.markdown);
    expect(reused.graphs).toEqual(both.graphs);
    expect(reused.newSide.size).toBe(both.newSide.size);
    expect(reused.newSide.packageDbs).toEqual(both.newSide.packageDbs);
    expect(reused.newSide.warnings).toEqual(both.newSide.warnings);
    // Each archive bottom layer first, both at once, instead of one queue largest first: the same comparison.
    const together = await compared(true, undefined, 'together');
    expect(together.json).toBe(both.json);
    expect(together.graphs).toEqual(both.graphs);
  });

  it("starts both archives' layers from one queue, the largest blob first, the old side's weighing half again", async () => {
    const [old, next] = [await input(OLD), await input(NEW)];
    const started: { side: number; size: number }[] = [];
    for (const [side, { session }] of [old, next].entries()) {
      const indexImage = session.indexImage.bind(session);
      vi.spyOn(session, 'indexImage').mockImplementation((image, options) => {
        for (const layer of image.layers) started.push({ side, size: session.blobSize(layer) });
        return indexImage(image, options);
      });
    }
    await readCompareSides(old, next, { shareLayers: false });
    const weight = ({ side, size }: { side: number; size: number }) => (side === 0 ? size * 1.5 : size);
    expect(started).toHaveLength(old.image.layers.length + next.image.layers.length);
    expect(started.map(weight)).toEqual(started.map(weight).sort((a, b) => b - a));
    expect(new Set(started.map((s) => s.side))).toEqual(new Set([0, 1]));
  });

  it("reads the new archive's own copy when the old archive's bytes do not match the diff_id", async () => {
    const both = await compared(false);
    const fallback = await compared(true, (old) => {
      const status = old.session.status.bind(old.session);
      const base = old.image.layers[0]!;
      vi.spyOn(old.session, 'status').mockImplementation((layer) => {
        const real: LayerStatus = status(layer);
        return layer === base && real.state === 'done' ? { ...real, verified: false } : real;
      });
    });
    // Layer 0 came from the new archive, layer 1 still from the old one.
    expect(fallback.states).toEqual(['done', 'pending', 'done']);
    expect(fallback.json).toBe(both.json);
    expect(fallback.graphs).toEqual(both.graphs);
  });

  it('reads two images of one archive from one queue, each blob once, as one image after the other does', async () => {
    const source = await openFileSource(PAIRS);
    sources.push(source);
    const sides = async (names: readonly [string, string], order: 'largest-first' | 'together') => {
      const session = await ArchiveSession.open(source, nodeEnv);
      const indexed: string[] = [];
      const indexImage = session.indexImage.bind(session);
      vi.spyOn(session, 'indexImage').mockImplementation((image, options) => {
        for (const layer of image.layers) indexed.push(layer.blobPath ?? '');
        return indexImage(image, options);
      });
      const [old, next] = names.map((name) => {
        const image = session.info.images.find((i) => i.rawNames.some((n) => n.includes(name)))!;
        return { session, image, options: { settings: loaderSettings(image) } };
      });
      const [oldSide, newSide] = await readCompareSides(old!, next!, { order });
      return { json: JSON.stringify(compareImages(oldSide, newSide)), indexed };
    };
    for (const names of [
      ['app:1', 'app-rebased:1'],
      ['app:1', 'app:1'],
    ] as const) {
      const queued = await sides(names, 'largest-first');
      const after = await sides(names, 'together');
      expect(queued.json).toBe(after.json);
      // The same image twice: its layers once, not once a side.
      expect(queued.indexed).toHaveLength(new Set(queued.indexed).size);
    }
  });
});
