/**
 * strata graph: JSON and DOT goldens over the two-layer edge image (real binaries, synthetic tars), and
 * the sample's graph checked against what chroot ldd printed for curl and openssl.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphJson } from '../../core';
import { writeEdgeArchive } from '../testing/ldd-test-archive';
import { runCli } from '../testing/run-cli';

const ROOT = join(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'public/samples/sample.tar');
const GOLDEN = '../../../fixtures/linkage-sample/golden';

const run = runCli;

describe('strata graph on a two-layer image', () => {
  let dir = '';
  let archive = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'strata-graph-'));
    archive = join(dir, 'edge.tar');
    writeEdgeArchive(archive);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('JSON (golden; the image id is the config digest of the synthetic archive)', async () => {
    const { code, out } = await run(['graph', archive]);
    expect(code).toBe(0);
    await expect(out).toMatchFileSnapshot(`${GOLDEN}/edge-archive-graph.json`);
    const json = JSON.parse(out) as GraphJson;
    expect(json.nodes.find((n) => n.path === '/opt/t/lib/libone.so.1')?.layer).toBe(1);
  });

  it('DOT (golden)', async () => {
    const { code, out } = await run(['graph', '--format', 'dot', archive]);
    expect(code).toBe(0);
    await expect(out).toMatchFileSnapshot(`${GOLDEN}/edge-archive-graph.dot`);
  });

  it('--layer 0 sees libone.so.1 from the base layer', async () => {
    const json = JSON.parse((await run(['graph', '--layer', '0', archive])).out) as GraphJson;
    expect(json.nodes.find((n) => n.path === '/opt/t/lib/libone.so.1')?.layer).toBe(0);
  });

  it('an unknown format is bad usage', async () => {
    const { code, err } = await run(['graph', '--format', 'svg', archive]);
    expect(code).toBe(2);
    expect(err).toBe('strata graph: --format svg is not known: use json or dot.\n');
  });
});

describe('strata graph on the sample', () => {
  it('holds the edges chroot ldd showed for curl and openssl, with owners and layers', async () => {
    const { code, out } = await run(['graph', SAMPLE]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as GraphJson;
    expect(json.version).toBe(1);
    expect(json.image.names).toEqual(['localhost/strata-sample:1']);
    const edges = new Set(json.edges.map((e) => `${e.from} ${e.name}`));
    for (const name of ['libcurl.so.4', 'libz.so.1', 'libc.so.6'])
      expect(edges).toContain(`/usr/bin/curl ${name}`);
    for (const name of ['libssl.so.3', 'libcrypto.so.3', 'libc.so.6'])
      expect(edges).toContain(`/usr/bin/openssl ${name}`);
    const ssl = json.nodes.find((n) => n.path === '/usr/lib/x86_64-linux-gnu/libssl.so.3');
    expect(ssl).toMatchObject({ kind: 'lib', soname: 'libssl.so.3', layer: 0, package: 'libssl3' });
    expect(ssl!.dependents).toBeGreaterThanOrEqual(2);
    expect(json.unresolved).toEqual([]);
  });
});
