/** Where each layer blob of an archive's default image sits in the outer tar, found by strata's own scan. */
import { ArchiveSession, pickImage } from '../../src/core';
import { nodeEnv, openFileSource } from '../../src/cli/node-env';
import type { BlobRange } from './stages';

export async function layerBlobRanges(path: string): Promise<BlobRange[]> {
  const source = await openFileSource(path);
  try {
    const session = await ArchiveSession.open(source, nodeEnv);
    const pick = pickImage(session.info);
    if ('error' in pick) throw new Error(pick.error);
    const ranges = new Map<string, BlobRange>();
    for (const layer of pick.image.layers) {
      const entry = layer.blobPath === null ? undefined : session.scan.resolve(layer.blobPath);
      if (!entry) throw new Error(`Layer ${layer.index + 1} of ${path} has no blob in the archive.`);
      ranges.set(entry.path, { offset: entry.offset, size: entry.size });
    }
    return [...ranges.values()];
  } finally {
    await source.close();
  }
}
