/**
 * The one content cache: warm passes and batches serve the same bytes a plain decoding read gives,
 * and a batch fetches a layer's wanted files in a few decoding reads instead of one per file.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEnv, openFileSource } from '../../cli/node-env';
import type { LayerTable } from '../archive/index-layer';
import type { ImageRecord } from '../image/model';
import type { TarEntry } from '../model/tar-entry';
import { ArchiveSession } from './archive-session';
import { ContentCache, type LayerRead } from './content-cache';
import { readLayerBytes } from './layer-content';
import { memorySpill } from '../io/spill';

const SAMPLE = join(import.meta.dirname, '../../../public/samples/sample.tar');
const isDpkg = (path: string) => path.startsWith('/var/lib/dpkg/');

describe('the content cache over the sample', () => {
  let session: ArchiveSession;
  let image: ImageRecord;
  let index: LayerTable;
  let truth: LayerRead;

  beforeAll(async () => {
    session = await ArchiveSession.open(await openFileSource(SAMPLE), nodeEnv);
    image = session.info.images[0]!;
    await session.indexImage(image);
    index = session.status(image.layers[0]!).index!;
    truth = (layer, idx, start, length) => readLayerBytes(session.scan, nodeEnv, layer, idx, start, length);
  });

  function counted(): { cache: ContentCache; reads: () => number } {
    let reads = 0;
    const cache = new ContentCache(session.scan, nodeEnv, {
      direct: (...args) => {
        reads++;
        return truth(...args);
      },
    });
    return { cache, reads: () => reads };
  }

  const dpkgFiles = (): TarEntry[] =>
    index.entries.toArray().filter((e) => e.kind === 'file' && e.size > 0 && isDpkg(e.path));

  async function same(cache: ContentCache, entry: TarEntry, options = {}) {
    const layer = image.layers[0]!;
    const got = await cache.read(layer, index, entry, 0, entry.size, options);
    const want = await truth(layer, index, entry.dataOffset, entry.size);
    expect(Buffer.from(got).equals(Buffer.from(want)), entry.path).toBe(true);
  }

  it('batches a layer: every dpkg file in a few decoding reads', async () => {
    const { cache, reads } = counted();
    const files = dpkgFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const entry of files)
      await cache.read(image.layers[0]!, index, entry, 0, entry.size, { batch: isDpkg });
    expect(reads()).toBeLessThanOrEqual(3);
    for (const entry of files.filter((_, i) => i % 25 === 0)) await same(cache, entry);
  });

  it('serves whole database files and ELF heads from a warm pass, without decoding reads', async () => {
    const { cache, reads } = counted();
    await cache.warm(image.layers[0]!, index);
    const status = index.entries.toArray().find((e) => e.path === '/var/lib/dpkg/status')!;
    const curl = index.entries.toArray().find((e) => e.path === '/usr/bin/curl')!;
    const layer = image.layers[0]!;
    expect((await cache.read(layer, index, status, 0, status.size)).length).toBe(status.size);
    expect([...(await cache.read(layer, index, curl, 0, 4))]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    expect(reads()).toBe(0);
    await same(cache, status);
  });

  it('reads what it does not hold', async () => {
    const { cache, reads } = counted();
    const motd = index.entries
      .toArray()
      .find((e) => e.kind === 'file' && e.size > 0 && e.path.startsWith('/etc/'))!;
    await same(cache, motd, { batch: isDpkg });
    expect(reads()).toBe(1);
  });
});

describe('a compressed outer archive spilled to memory', () => {
  const PACKED = join(import.meta.dirname, '../../../fixtures/archives/podman-docker-archive.tar.gz');
  const PLAIN = PACKED.replace(/\.gz$/, '');

  async function opened(env: typeof nodeEnv) {
    const session = await ArchiveSession.open(await openFileSource(PACKED), env);
    const image = session.info.images[0]!;
    await session.indexImage(image);
    await session.warmContents(image);
    return { session, image };
  }

  it('keeps nothing of its plain layers and reads their files from the spill', async () => {
    const { session, image } = await opened({ ...nodeEnv, createSpill: memorySpill() });
    const plain = await ArchiveSession.open(await openFileSource(PLAIN), nodeEnv);
    const plainImage = plain.info.images[0]!;
    await plain.indexImage(plainImage);
    expect(session.scan.cheapReads).toBe(true);
    let files = 0;
    for (const [i, layer] of image.layers.entries()) {
      expect(session.status(layer).index?.compression).toBe('none');
      expect(session.keptContents(layer)).toBeUndefined();
      const entries = session
        .status(layer)
        .index!.entries.toArray()
        .filter((e) => e.kind === 'file');
      for (const entry of entries.filter((e) => e.size > 0).slice(0, 5)) {
        const got = await session.readEntry(image, i, entry, 0, entry.size);
        const want = await plain.readEntry(plainImage, i, entry, 0, entry.size);
        expect(Buffer.from(got).equals(Buffer.from(want)), entry.path).toBe(true);
        files++;
      }
    }
    expect(files).toBeGreaterThan(0);
    await Promise.all([session.close(), plain.close()]);
  });

  it('still warms its layers from a spill in a file (the CLI temporary file; the page OPFS file)', async () => {
    const { session, image } = await opened(nodeEnv);
    expect(session.scan.cheapReads).toBe(false);
    expect(image.layers.some((layer) => session.keptContents(layer) !== undefined)).toBe(true);
    await session.close();
  });
});
