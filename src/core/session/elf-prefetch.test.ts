import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEnv, openFileSource } from '../../cli/node-env';
import { ArchiveSession } from './archive-session';
import { readLayerBytes } from './layer-content';

const SAMPLE = join(import.meta.dirname, '../../../public/samples/sample.tar');

describe('prefetched layer contents', () => {
  it('serve exactly the bytes a decoding read gives, for every file head and ELF block', async () => {
    const session = await ArchiveSession.open(await openFileSource(SAMPLE), nodeEnv);
    const image = session.info.images[0]!;
    await session.indexImage(image);
    await session.warmContents(image);
    let elfFiles = 0;
    for (const layer of image.layers) {
      const index = session.status(layer).index!;
      const files = index.entries.filter((e) => e.kind === 'file' && e.size > 0);
      for (const entry of files.filter((_, i) => i % 7 === 0)) {
        const head = await session.readEntry(image, layer.index, entry, 0, 8192);
        const truth = await readLayerBytes(
          session.scan,
          nodeEnv,
          layer,
          index,
          entry.dataOffset,
          Math.min(8192, entry.size),
        );
        expect(Buffer.from(head).equals(Buffer.from(truth)), entry.path).toBe(true);
        if (head[0] === 0x7f && head[1] === 0x45) elfFiles++;
      }
    }
    expect(elfFiles).toBeGreaterThan(5);
  });
});
