/**
 * Backpressure: the long outputs wait on `io.drain` as they go, so a reader slower than the command
 * holds the command back instead of letting its output queue up in memory.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDockerArchive } from '../core/testing/image-builder';
import { buildTar, type BuildEntry } from '../core/testing/tar-builder';
import type { CliIo } from './cli-io';
import { main } from './main';
import { runCli } from './testing/run-cli';

const work = mkdtempSync(join(tmpdir(), 'strata-drain-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const entries: BuildEntry[] = [];
for (let d = 0; d < 10; d++) {
  entries.push({ name: `d${d}/`, type: '5' });
  for (let f = 0; f < 1000; f++) entries.push({ name: `d${d}/f${f}`, data: '' });
}
const archive = join(work, 'many.tar');
writeFileSync(archive, buildDockerArchive([buildTar(entries)], sha));

/** A reader that is always behind: every drain waits a turn, and the bytes written before each are counted. */
async function runSlowReader(args: string[]): Promise<{ out: string; writtenAtDrains: number[] }> {
  let out = '';
  const writtenAtDrains: number[] = [];
  const io: CliIo = {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    drain: () => {
      writtenAtDrains.push(out.length);
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
  expect(await main(args, io)).toBe(0);
  return { out, writtenAtDrains };
}

describe('long outputs wait for stdout to drain', () => {
  it.each([
    [['ls', '-R']],
    [['ls', '-R', '--json']],
    [['diff', '--json']],
    [['export', '--format', 'csv']],
    [['export', '--format', 'json']],
  ])('%j gives the same output while it waits for the reader as it goes', async (args) => {
    const slow = await runSlowReader([...args, archive]);
    expect(slow.out).toBe((await runCli([...args, archive])).out);
    // Several waits, the first well before the end: the output is not written in one piece.
    expect(slow.writtenAtDrains.length).toBeGreaterThan(1);
    expect(slow.writtenAtDrains[0]).toBeLessThan(slow.out.length / 2);
  });
});
