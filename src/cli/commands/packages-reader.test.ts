/**
 * The batching reader gives the same bytes as the session's own reads, in at most three of them
 * where the session needs one per file: the sample's dpkg database (status, 49 `.list` files and
 * their siblings, in a gzip layer) and its copyright files.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCopyrightPath, readLayerBytes, type ContentReader } from '../../core';
import { nodeEnv } from '../node-env';
import { parseArgs } from '../args';
import { openStack, type OpenedStack } from './diff-stack';
import { batchedReader, packageDbReader } from './packages-reader';

const SAMPLE = join(import.meta.dirname, '../../../public/samples/sample.tar');

/** The opened image with its decoding reads counted: each opens the layer's blob once. */
function counting(opened: OpenedStack): { opened: OpenedStack; reads: () => number } {
  let reads = 0;
  const scan = opened.session.scan;
  const openBlob = scan.openBlob.bind(scan);
  scan.openBlob = (...args) => {
    reads++;
    return openBlob(...args);
  };
  return { opened, reads: () => reads };
}

async function readAll(opened: OpenedStack, reader: ContentReader, paths: readonly string[]) {
  const fs = opened.stack.imageFs(0, reader);
  const out = new Map<string, Uint8Array>();
  for (const path of paths) out.set(path, (await fs.read(path, 0, 1 << 24))!);
  return out;
}

describe.skipIf(!existsSync(SAMPLE))('batched reads over the sample image', () => {
  it.each([
    ['the dpkg database', (path: string) => path.startsWith('/var/lib/dpkg/'), packageDbReader],
    ['the copyright files', isCopyrightPath, (o: OpenedStack) => batchedReader(o, isCopyrightPath)],
  ] as const)('reads %s byte for byte like the session, in a few reads', async (_, wanted, make) => {
    const opened = await openStack(SAMPLE, parseArgs([], {}));
    try {
      const paths = opened.stack
        .changes(0)
        .added.filter((c) => c.node.kind === 'file' && c.node.size > 0 && wanted(c.path))
        .map((c) => c.path);
      const batched = counting(opened);
      const fast = await readAll(batched.opened, make(batched.opened), paths);
      expect(paths.length).toBeGreaterThan(40);
      expect(batched.reads()).toBeLessThanOrEqual(3);
      // Each direct read decodes the layer from its start: compare a sample, not all.
      const sample = paths.filter((_, i) => i % 12 === 0);
      // The truth: plain decoding reads, past the session's content cache.
      const plain = await readAll(
        opened,
        (l, e, o, n) =>
          readLayerBytes(
            opened.session.scan,
            nodeEnv,
            opened.image.layers[l]!,
            opened.session.status(opened.image.layers[l]!).index!,
            e.dataOffset + o,
            Math.min(n, e.size - o),
          ),
        sample,
      );
      for (const [path, bytes] of plain) {
        expect(bytes.length, path).toBeGreaterThan(0);
        expect(Buffer.from(fast.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
      }
    } finally {
      await opened.source.close();
    }
  });
});
