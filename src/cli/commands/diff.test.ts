import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DiffJson } from './diff-report';
import { runCli } from '../testing/run-cli';

const ARCHIVES = join(import.meta.dirname, '../../../fixtures/archives');
const GOLDEN = join(import.meta.dirname, '__golden__');
const CORPUS = join(import.meta.dirname, '../../../../shared/corpus/archives/test-docker-image.tar');
const fixture = (name: string): string => join(ARCHIVES, name);

const run = runCli;

async function diffJson(args: string[]): Promise<DiffJson> {
  const { code, out, err } = await run(['diff', '--json', ...args]);
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out) as DiffJson;
}

/** podman's diff_ids for a fixture, from the oracle written when it was saved. */
function oracleDiffIds(name: string): string[] {
  const inspect = JSON.parse(readFileSync(fixture(`${name}.podman-inspect.json`), 'utf8')) as {
    RootFS: { Layers: string[] };
  }[];
  return inspect[0]!.RootFS.Layers;
}

/**
 * Compares with the committed dump; UPDATE_GOLDEN=1 rewrites it (after regenerating the fixtures,
 * whose mtimes show in the dump). The headers' short diff_ids are masked: they are checked against
 * podman's oracle in the JSON tests instead.
 */
function expectGolden(name: string, text: string): void {
  const masked = text.replace(/^(Layer \d+ {2})[0-9a-f]{12}/gm, '$1<diff_id>');
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, masked);
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
  expect(masked).toBe(readFileSync(file, 'utf8'));
}

describe('strata diff on the committed fixtures', () => {
  it('dumps every layer of t:3: whiteouts, opaque dir, chmod, hardlink, symlink→file, file→dir (golden)', async () => {
    const { code, out, err } = await run(['diff', fixture('podman-docker-archive.tar')]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expectGolden('podman-docker-archive.diff.txt', out);
  });

  it('dumps the umoci layout, whose top layer is one whiteout (golden)', async () => {
    const { code, out, err } = await run(['diff', '--image', 'a2', fixture('umoci-hand-tarred-layout.tar')]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const json = await diffJson(['--image', 'a2', fixture('umoci-hand-tarred-layout.tar')]);
    expectGolden('umoci-hand-tarred-layout.diff.txt', out);
    expect(json.layers.at(-1)!.removed).toEqual(['/etc/motd']);
  });

  it('lists the layers bottom to top with podman diff_ids and sorted paths', async () => {
    const json = await diffJson([fixture('podman-docker-archive.tar')]);
    expect(json.version).toBe(1);
    expect(json.layers.map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(json.layers.map((l) => l.diffId)).toEqual(oracleDiffIds('podman-docker-archive'));
    for (const layer of json.layers)
      for (const list of [layer.added, layer.modified, layer.removed])
        expect(list).toEqual([...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const top = json.layers[5]!;
    expect(top.createdBy).toBe('buildah mount + rm/rm -rf/mkdir/chmod/ln (hand-made layer)');
    expect(top.removed).toEqual(['/etc/added.txt', '/etc/d', '/etc/d/z', '/opt/data/a', '/opt/data/b']);
    expect(top.modified).toEqual(['/etc/conf', '/etc/link', '/etc/motd', '/etc/os-release']);
    expect(top.modifiedDetails['/etc/os-release']).toEqual(['content', 'mode', 'mtime']);
    expect(top.modifiedDetails['/etc/conf']).toContain('type');
    expect(top.added).toContain('/etc/ünïcödé-名前.txt');
    expect(json.trueWastedBytes).toBe(66);
    expect(json.largestWastedFiles[0]).toEqual({
      path: '/etc/os-release',
      size: 40,
      writtenBy: 0,
      hiddenBy: 5,
      how: 'overwritten',
    });
  });

  it('--layer N narrows the layers, never the image-wide figures', async () => {
    const all = await diffJson([fixture('podman-docker-archive.tar')]);
    const one = await diffJson(['--layer', '4', fixture('podman-docker-archive.tar')]);
    expect(one.layers).toEqual([all.layers[4]]);
    expect({ ...one, layers: [] }).toEqual({ ...all, layers: [] });
  });

  it('gives the same JSON for one image saved as docker-archive, oci-archive and zstd OCI', async () => {
    const strip = (j: DiffJson) => ({ ...j, image: '' });
    const docker = strip(await diffJson([fixture('podman-docker-archive.tar')]));
    expect(strip(await diffJson([fixture('podman-oci-archive.tar')]))).toEqual(docker);
    expect(strip(await diffJson([fixture('skopeo-zstd-oci-archive.tar')]))).toEqual(docker);
  });

  it('exits 2 for bad usage and 1 for input it cannot read, with a sentence', async () => {
    expect(await run(['diff'])).toMatchObject({ code: 2, out: '' });
    const badLayer = await run(['diff', '--layer', '6', fixture('podman-docker-archive.tar')]);
    expect(badLayer).toEqual({
      code: 2,
      out: '',
      err: 'strata diff: --layer 6 does not name a layer: this image has layers 0 to 5 (0 is the base).\n',
    });
    expect((await run(['diff', '--layer', '-1', fixture('podman-docker-archive.tar')])).code).toBe(2);
    const missing = await run(['diff', fixture('no-such.tar')]);
    expect(missing).toEqual({
      code: 1,
      out: '',
      err: `strata diff: ${fixture('no-such.tar')}: no such file.\n`,
    });
    const unknownImage = await run(['diff', '--image', 'nope:1', fixture('podman-docker-archive.tar')]);
    expect(unknownImage.code).toBe(1);
    expect(unknownImage.err).toMatch(/^strata diff: .+\.\n$/);
  });
});

describe.skipIf(!existsSync(CORPUS))('strata diff on dive test-docker-image.tar (corpus)', () => {
  const work = mkdtempSync(join(tmpdir(), 'strata-diff-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("gives dive's own golden figures (dive/image/docker/image_archive_analysis_test.go)", async () => {
    const json = await diffJson([CORPUS]);
    expect(json.efficiency).toBe(0.9844212134184309);
    expect(json.wastedBytes).toBe(32025);
    expect(json.userWastedPercent).toBe(0.4834911001404049);
    expect(json.sizeBytes).toBe(1220598);
    expect(json.userSizeBytes).toBe(66237);
    expect(json.layers).toHaveLength(14);
    expect(typeof json.trueWastedBytes).toBe('number');
  });

  it.skipIf(!existsSync('/usr/bin/skopeo'))(
    'gives identical JSON (but the image id) when skopeo turns it into an oci-archive',
    async () => {
      const oci = join(work, 'oci.tar');
      execFileSync('skopeo', ['copy', '-q', `docker-archive:${CORPUS}`, `oci-archive:${oci}:t`]);
      const docker = await diffJson([CORPUS]);
      const converted = await diffJson([oci]);
      expect({ ...converted, image: '' }).toEqual({ ...docker, image: '' });
    },
  );
});

if (!existsSync(CORPUS)) console.warn(`skipped the corpus diff tests: ${CORPUS} is absent`);
