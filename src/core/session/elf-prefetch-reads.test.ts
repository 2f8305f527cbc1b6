/**
 * What the layer pass keeps of each ELF file is all the loader emulation reads: resolving the linkage of
 * every ELF file of the sample image after a warm pass makes no decoding read.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { nodeEnv, openFileSource } from '../../cli/node-env';
import { resolveLinkGraph } from '../linkage/link-graph';
import { ArchiveSession } from './archive-session';

const reads = vi.hoisted(() => ({ count: 0 }));

vi.mock('./layer-content', async (original) => {
  const actual = await original<typeof import('./layer-content')>();
  return {
    ...actual,
    readLayerBytes: (...args: Parameters<typeof actual.readLayerBytes>) => {
      reads.count++;
      return actual.readLayerBytes(...args);
    },
  };
});

const SAMPLE = join(import.meta.dirname, '../../../public/samples/sample.tar');
const APP2 = join(import.meta.dirname, '../../../fixtures/compare/app-2.docker-archive.tar.gz');

describe('the linkage of an image after a warm pass', () => {
  it.each([SAMPLE, APP2])('is resolved from kept bytes alone: %s', async (path) => {
    const session = await ArchiveSession.open(await openFileSource(path), nodeEnv);
    const image = session.info.images[0]!;
    await session.indexImage(image);
    await session.warmContents(image);
    const fs = session.layerStack(image).imageFs(image.layers.length - 1, session.contentReader(image));
    reads.count = 0;
    const graph = await resolveLinkGraph(fs);
    expect(graph.nodes.length).toBeGreaterThan(4);
    expect(reads.count).toBe(0);
  });

  it('answers every file head at once after the pass (peek), with the graph the reads give', async () => {
    const session = await ArchiveSession.open(await openFileSource(APP2), nodeEnv);
    const image = session.info.images[0]!;
    await session.indexImage(image, { keepContents: true });
    const stack = session.layerStack(image);
    const peeking = stack.imageFs(stack.topLayer, session.contentReader(image));
    const files = peeking.regularFiles!(new Set(), 1_000_000)!;
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(file.peek!(0, 4)).toEqual(await file.read(0, 4));
    const reading = stack.imageFs(stack.topLayer, (l, entry, offset, length) =>
      session.readEntry(image, l, entry, offset, length),
    );
    expect(await resolveLinkGraph(peeking)).toEqual(await resolveLinkGraph(reading));
  });
});
