import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEnv, openFileSource } from '../../cli/node-env';
import { ArchiveSession } from './archive-session';
import { keptCost, keptSize, packKept, unpackKept } from './kept-transfer';

const SAMPLE = join(import.meta.dirname, '../../../public/samples/sample.tar');

/** The sample indexed with keepContents under a bound on what the session keeps. */
async function indexKeeping(keptLimit: number) {
  const source = await openFileSource(SAMPLE);
  const session = await ArchiveSession.open(source, nodeEnv, { keptLimit });
  const image = session.info.images[0]!;
  await session.indexImage(image, { keepContents: true });
  const kept = image.layers.map((layer) => session.keptContents(layer));
  return { session, image, kept, close: () => source.close() };
}

describe('what an index pass keeps', () => {
  it('packs into one table and one buffer and unpacks to the same files', async () => {
    const { kept, close } = await indexKeeping(Number.POSITIVE_INFINITY);
    await close();
    const layer = kept.find((k) => k && k.size > 100)!;
    const packed = packKept(layer);
    expect(packed.bytes.length).toBe(keptSize(layer));
    const back = unpackKept(packed);
    expect([...back.keys()]).toEqual([...layer.keys()]);
    for (const [offset, file] of layer) {
      const again = back.get(offset)!;
      expect(again.size).toBe(file.size);
      expect(again.ranges.map((r) => r.offset)).toEqual(file.ranges.map((r) => r.offset));
      for (const [i, r] of file.ranges.entries())
        expect(Buffer.from(again.ranges[i]!.bytes).equals(r.bytes)).toBe(true);
    }
  });

  it("is held to the session's bound: past it a layer keeps nothing and is read again on warm-up", async () => {
    const all = await indexKeeping(Number.POSITIVE_INFINITY);
    await all.close();
    const sizes = all.kept.map((k) => (k ? keptCost(k) : 0));
    const largest = Math.max(...sizes);
    // Room for every layer but the largest.
    const bounded = await indexKeeping(largest - 1);
    try {
      bounded.kept.forEach((k, i) => expect(k === undefined, `layer ${i}`).toBe(sizes[i] === largest));
      await bounded.session.warmContents(bounded.image);
      const warmed = bounded.image.layers.map((layer) => bounded.session.keptContents(layer));
      expect(warmed.map((k) => (k ? keptCost(k) : 0))).toEqual(sizes);
    } finally {
      await bounded.close();
    }
  });
});
