/**
 * A small two-layer image for the ldd and graph tests: the committed linkage edge root
 * (fixtures/linkage/edge/root, real binaries built by fixtures/linkage/make-oracles.sh) as the base
 * layer, and a second layer that replaces /opt/t/lib/libone.so.1 (same bytes, a new tar entry), so
 * that one library's layer and replacedLater differ between --layer 0 and the top.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entriesFromDisk, writeDockerArchive } from './packages-test-images';

export const EDGE_ROOT = join(import.meta.dirname, '../../../fixtures/linkage/edge/root');

export function writeEdgeArchive(path: string): void {
  writeDockerArchive(path, 'localhost/edge:1', [
    { createdBy: 'COPY root/ /', entries: entriesFromDisk(EDGE_ROOT) },
    {
      createdBy: 'COPY libone.so.1 /opt/t/lib/',
      entries: [
        {
          path: '/opt/t/lib/libone.so.1',
          kind: 'file',
          content: readFileSync(join(EDGE_ROOT, 'opt/t/lib/libone.so.1')),
        },
      ],
    },
  ]);
}
