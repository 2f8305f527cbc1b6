/**
 * One compressed outer archive (`docker save | gzip`) against its plain tar, in a fresh Node process:
 * time to open (the one decoding pass, the spill, every layer indexed and verified), then the contents of
 * `files` files read through the session on each archive, the content cache cold. Prints one JSON line.
 *
 * Run: npx tsx bench/run/outer-read.ts PLAIN.tar PACKED.tar.gz
 */
import { ArchiveSession, pickImage, type ImageRecord } from '../../src/core';
import { nodeEnv, nodeIndexer, openFileSource } from '../../src/cli/node-env';
import { pickFiles, runOnPair, type PickedFiles } from './outer-files';

export interface OuterReadResult {
  readonly openMs: { readonly plain: number; readonly packed: number };
  readonly readMs: { readonly plain: number; readonly packed: number };
  readonly files: number;
  readonly bytes: number;
  readonly verifiedLayers: number;
  readonly layers: number;
}

async function openAndIndex(path: string) {
  const source = await openFileSource(path);
  const started = performance.now();
  const session = await ArchiveSession.open(source, nodeEnv, { indexer: nodeIndexer });
  const pick = pickImage(session.info);
  if ('error' in pick) throw new Error(pick.error);
  await session.indexImage(pick.image);
  return { session, image: pick.image, source, ms: performance.now() - started };
}

async function readAll(session: ArchiveSession, image: ImageRecord, files: PickedFiles) {
  const started = performance.now();
  let bytes = 0;
  for (const { layer, entry } of files)
    bytes += (await session.readEntry(image, layer, entry, 0, entry.size)).length;
  return { ms: performance.now() - started, bytes };
}

async function main(plainPath: string, packedPath: string): Promise<OuterReadResult> {
  const plain = await openAndIndex(plainPath);
  const packed = await openAndIndex(packedPath);
  try {
    const files = pickFiles(plain.session, plain.image);
    const plainRead = await readAll(plain.session, plain.image, files);
    const packedRead = await readAll(packed.session, packed.image, files);
    if (plainRead.bytes !== packedRead.bytes) throw new Error('The two archives gave different bytes.');
    const statuses = packed.image.layers.map((layer) => packed.session.status(layer));
    return {
      openMs: { plain: plain.ms, packed: packed.ms },
      readMs: { plain: plainRead.ms, packed: packedRead.ms },
      files: files.length,
      bytes: plainRead.bytes,
      verifiedLayers: statuses.filter((s) => s.verified === true).length,
      layers: statuses.length,
    };
  } finally {
    await Promise.all([plain.session.close(), packed.session.close()]);
    await Promise.all([plain.source.close(), packed.source.close()]);
  }
}

runOnPair('bench/run/outer-read.ts', main);
