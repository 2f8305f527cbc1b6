/**
 * strata graph: JSON and DOT goldens over the two-layer edge image (real binaries, synthetic tars), and
 * the sample's graph checked against what chroot ldd printed for curl and openssl.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    const { code, err } = await run(['graph', '--format', 'gif', archive]);
    expect(code).toBe(2);
    expect(err).toBe(
      'strata graph: --format gif is not known: use json, dot, svg, png, mermaid or markdown.\n',
    );
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

describe('strata graph PATH: the focused picture', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'strata-graph-picture-'));
    process.env['SOURCE_DATE_EPOCH'] = '1764547200';
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env['SOURCE_DATE_EPOCH'];
  });

  it('Mermaid of what curl loads (golden)', async () => {
    const { code, out } = await run(['graph', '--format', 'mermaid', SAMPLE, '/usr/bin/curl']);
    expect(code).toBe(0);
    await expect(out).toMatchFileSnapshot(`${GOLDEN}/sample-curl-loads.mmd`);
  });

  it('DOT of what loads libssl.so.3, with title and legend in the graph label (golden)', async () => {
    const { code, out } = await run([
      'graph',
      '--format',
      'dot',
      '--mode',
      'loaded-by',
      SAMPLE,
      'libssl.so.3',
    ]);
    expect(code).toBe(0);
    await expect(out).toMatchFileSnapshot(`${GOLDEN}/sample-libssl-loaded-by.dot`);
  });

  it('SVG: the title names the image and the path; every object ldd lists is drawn under its SONAME', async () => {
    const file = join(dir, 'curl.svg');
    const { code } = await run(['graph', '--format', 'svg', '-o', file, SAMPLE, '/usr/bin/curl']);
    expect(code).toBe(0);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toContain('>what /usr/bin/curl loads</text>');
    expect(svg).toContain('>localhost/strata-sample:1 · 85ea39e490bf · at L4, the top · ');
    const ldd = JSON.parse((await run(['ldd', '--json', SAMPLE, '/usr/bin/curl'])).out) as {
      libraries: { name: string }[];
    };
    expect(ldd.libraries.length).toBeGreaterThan(30);
    for (const lib of ldd.libraries)
      expect(svg).toContain(`>${lib.name.slice(lib.name.lastIndexOf('/') + 1)}</text>`);
  });

  it('PNG: the same picture rendered by resvg, at twice the density', async () => {
    const file = join(dir, 'curl.png');
    const { code } = await run(['graph', '--format', 'png', '--theme', 'dark', '-o', file, SAMPLE, 'curl']);
    expect(code).toBe(0);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const svg = (await run(['graph', '--format', 'svg', '--theme', 'dark', SAMPLE, 'curl'])).out;
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    expect(png.readUInt32BE(16)).toBe(width * 2);
  });

  it('a PATH that is not an ELF object: exit 1 naming the closest', async () => {
    const { code, err } = await run(['graph', '--format', 'svg', SAMPLE, '/usr/bin/curly']);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^strata graph: \/usr\/bin\/curly is not an ELF object of this image; the closest are \/usr\/bin\/curl, /,
    );
  });

  it('without PATH, svg draws the overview by package with the ranked lists', async () => {
    const { code, out } = await run(['graph', '--format', 'svg', SAMPLE]);
    expect(code).toBe(0);
    expect(out).toContain('>every ELF object of localhost/strata-sample:1, by package</text>');
    expect(out).toContain('>Most-loaded libraries</text>');
    expect(out).toContain('>libc.so.6: ');
  });
});
