/**
 * The CLI prints the core's errors as English sentences, byte for byte, whatever the page does with their
 * names: the exact stderr of each bad file, one line each, exit 1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTar } from '../core/testing/tar-builder';
import { runCli } from './testing/run-cli';

const work = mkdtempSync(join(tmpdir(), 'strata-sentences-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
}

describe('the CLI says core errors in English, unchanged', () => {
  it.each([
    ['empty.tar', new Uint8Array(0), 'The file is empty (0 bytes).'],
    [
      'notes.tar',
      'just some text\n'.repeat(100),
      'This file is not an image archive: it is neither a tar nor a compressed tar.',
    ],
    [
      'plain.tar',
      buildTar([{ name: 'notes.txt', data: 'hi' }]),
      'This tar archive holds no container image: it has neither manifest.json nor an OCI index.json.',
    ],
    [
      'image.tar.xz',
      new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, 1, 2, 3]),
      'The file is xz-compressed; decompress it first (for example with xz -d) and open the .tar.',
    ],
    [
      'cut.tar',
      buildTar([
        { name: 'layer0.tar', data: 'x'.repeat(3000) },
        { name: 'manifest.json', data: '[]' },
      ]).subarray(0, 2000),
      'The archive is truncated at byte 2,000, before its manifest; nothing can be shown.',
    ],
  ])('%s', async (name, bytes, sentence) => {
    const path = file(name, bytes);
    const run = await runCli(['history', path]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(`strata history: ${path}: ${sentence}\n`);
  });
});
