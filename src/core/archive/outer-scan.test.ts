/**
 * The one pass over a compressed outer archive (`docker save | gzip`) with an indexer that takes each
 * layer's bytes elsewhere (the page's layer workers): the pass hands a layer over and reads on, so the next
 * layer's bytes flow while the last one is still being indexed, and every layer still comes out verified.
 */
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeEnv } from '../../cli/node-env';
import { memorySource } from '../io/byte-source';
import { ArchiveSession } from '../session/archive-session';
import { pickImage } from '../session/pick-image';
import { buildDockerArchive } from '../testing/image-builder';
import { buildTar } from '../testing/tar-builder';
import { tinyEnv } from '../testing/test-env';
import { indexLayer, type LayerTable } from './index-layer';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Layers over the pass's in-memory size for metadata (4 MiB), so each one goes to the indexer. */
function bigLayer(n: number): Uint8Array {
  return buildTar([
    { name: `layer${n}/data.bin`, data: new Uint8Array(randomBytes(4.25 * 1024 * 1024)) },
    { name: `layer${n}/note.txt`, data: `layer ${n}\n` },
  ]);
}

describe('the outer pass with layers indexed elsewhere', () => {
  it('reads on into the next layer while the last one is still being indexed', async () => {
    const layers = [bigLayer(0), bigLayer(1)];
    const packed = gzipSync(buildDockerArchive(layers, sha), { level: 1 });
    const events: string[] = [];
    const started: (() => void)[] = [];
    const startedLayer = layers.map((_, i) => new Promise<void>((resolve) => (started[i] = resolve)));
    let streams = 0;
    let bytesRead = 0;
    const indexer = {
      concurrency: 2,
      async indexStream(chunks: AsyncIterable<Uint8Array>): Promise<LayerTable> {
        const n = streams++;
        events.push(`layer ${n} streaming`);
        started[n]?.();
        const parts: Uint8Array[] = [];
        for await (const chunk of chunks) parts.push(chunk.slice());
        // Held back until the pass has moved on to the next layer: a pass that waited for each layer
        // before reading on would never get there.
        if (n + 1 < layers.length) await startedLayer[n + 1];
        const table = await indexLayer(
          async function* replay() {
            for (const part of parts) yield await Promise.resolve(part);
          },
          nodeEnv,
          { canRestart: false },
        );
        events.push(`layer ${n} indexed`);
        return table;
      },
    };
    // Decoded chunks of one tar block: some end between two entries, where no layer is being fed.
    const session = await ArchiveSession.open(memorySource(packed, 'image.tar.gz'), tinyEnv(nodeEnv, 512), {
      indexer,
      onProgress: (p) => {
        if (p.bytesRead > bytesRead && bytesRead < packed.length) events.push(`read ${p.bytesRead}`);
        bytesRead = p.bytesRead;
      },
    });
    const layerEvents = events.filter((e) => e.startsWith('layer'));
    expect(layerEvents.indexOf('layer 1 streaming')).toBeLessThan(layerEvents.indexOf('layer 0 indexed'));
    // Layer 0 was indexed while the outer stream was still being read.
    const readsAfter = events.slice(events.indexOf('layer 0 indexed')).filter((e) => e.startsWith('read'));
    expect(readsAfter.length).toBeGreaterThan(0);

    const pick = pickImage(session.info);
    if ('error' in pick) throw new Error(pick.error);
    await session.indexImage(pick.image);
    expect(pick.image.layers.map((layer) => session.status(layer).verified)).toEqual([true, true]);
    await session.close();
  });
});
