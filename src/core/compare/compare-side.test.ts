/**
 * readCompareSide keeps what the ELF and package reads need during the index pass: on the sample (gzip
 * layers) the link graph and packages equal those read after a separate warm-up, and no layer is read twice.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEnv, openFileSource } from '../../cli/node-env';
import type { ByteSource } from '../io/byte-source';
import { resolveLinkGraph } from '../linkage/link-graph';
import { ArchiveSession } from '../session/archive-session';
import { ImageViews } from '../views/image-views';
import { compareSideFromViews } from './compare-report';
import { readCompareSide } from './compare-side';

const SAMPLE = join(import.meta.dirname, '../../../public/samples/sample.tar');

async function counted(): Promise<{ source: ByteSource; read: () => number }> {
  const inner = await openFileSource(SAMPLE);
  let bytes = 0;
  return {
    source: {
      name: inner.name,
      size: inner.size,
      read: async (offset, length) => {
        const chunk = await inner.read(offset, length);
        bytes += chunk.length;
        return chunk;
      },
    },
    read: () => bytes,
  };
}

describe('readCompareSide', () => {
  it('reads each layer once and resolves the same link graph as index + warmContents', async () => {
    const kept = await counted();
    const session = await ArchiveSession.open(kept.source, nodeEnv);
    const image = session.info.images[0]!;
    const side = await readCompareSide(session, image, { settings: {} });
    const blobs = image.layers.reduce((sum, l) => sum + (session.status(l).index?.storedSize ?? 0), 0);
    // The outer tar's headers and the configs come on top of the layer blobs, never a second pass over them.
    expect(kept.read()).toBeLessThan(blobs * 1.2);

    const plain = await ArchiveSession.open(await openFileSource(SAMPLE), nodeEnv);
    await plain.indexImage(image);
    await plain.warmContents(image);
    const stack = plain.layerStack(image);
    const fs = stack.imageFs(stack.topLayer, (l, e, o, n) => plain.readEntry(image, l, e, o, n));
    const graph = await resolveLinkGraph(fs, {});
    expect(side.linkGraph.nodes).toEqual(graph.nodes);
    expect(side.linkGraph.edges).toEqual(graph.edges);
    expect(side.linkGraph.nodes.length).toBeGreaterThan(50);
    expect(side.packageDbs[0]?.packages.length).toBe(49);
  });
});

describe('compareSideFromViews (the page)', () => {
  it('decodes no layer again when the index pass kept the contents', async () => {
    const kept = await counted();
    const session = await ArchiveSession.open(kept.source, nodeEnv);
    const image = session.info.images[0]!;
    await session.indexImage(image, { keepContents: true });
    const indexed = kept.read();
    const side = await compareSideFromViews(new ImageViews(session), image);
    expect(side.linkGraph.nodes.length).toBeGreaterThan(50);
    expect(side.packageDbs[0]?.packages.length).toBe(49);
    // The package and ELF reads are served from what the index pass kept: not one more layer byte is read.
    expect(kept.read()).toBe(indexed);
  });
});
