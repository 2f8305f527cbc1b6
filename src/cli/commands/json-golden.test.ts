/**
 * The machine-readable outputs that are written piece by piece (`diff --json`, `export`, `ls -R
 * --json`) byte for byte against committed dumps, so that streaming them never changes a byte.
 * UPDATE_GOLDEN=1 rewrites the dumps (after regenerating the fixtures, whose mtimes show in them).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const ARCHIVE = join(import.meta.dirname, '../../../fixtures/archives/podman-docker-archive.tar');
const GOLDEN = join(import.meta.dirname, '__golden__');

describe('streamed JSON and CSV match their dumps byte for byte', () => {
  it.each([
    ['podman-docker-archive.diff.json', ['diff', '--json']],
    ['podman-docker-archive.export.json', ['export', '--format', 'json']],
    ['podman-docker-archive.export.csv', ['export', '--format', 'csv']],
    ['podman-docker-archive.ls.json', ['ls', '-R', '--json']],
  ])('%s', async (name, args) => {
    const { code, out, err } = await runCli([...args, ARCHIVE]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const file = join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, out);
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
    expect(out).toBe(readFileSync(file, 'utf8'));
  });
});
