/**
 * strata blast-radius (and its alias rdeps): libssl3 across the sample and an archive without it, and libssl.so.3 by file name.
 * The affected files are those chroot ldd showed loading libssl or libcrypto (fixtures/linkage-sample).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const ROOT = join(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'public/samples/sample.tar');
const OTHER = join(ROOT, 'fixtures/archives/podman-docker-archive.tar');
const GOLDEN = '../../../fixtures/linkage-sample/golden';

const run = runCli;

interface BlastRadiusJson {
  version: number;
  package: string;
  images: {
    archive: string;
    id: string;
    names: string[];
    affected: boolean;
    libraries: string[];
    dependents: { path: string; kind: string; via: string[] }[];
  }[];
  rebuild: string[];
}

const L = '/usr/lib/x86_64-linux-gnu';

describe('strata blast-radius', () => {
  it('libssl3 across two archives: the sample to rebuild, the other unaffected (JSON)', async () => {
    const { code, out } = await run(['blast-radius', '--json', 'libssl3', SAMPLE, OTHER]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as BlastRadiusJson;
    expect(json.version).toBe(1);
    expect(json.package).toBe('libssl3');
    expect(json.rebuild).toEqual(['localhost/strata-sample:1']);
    const [sample, other] = json.images;
    expect(Object.keys(sample!)).toEqual(
      expect.arrayContaining(['archive', 'id', 'names', 'affected', 'libraries', 'dependents']),
    );
    expect(sample).toMatchObject({ archive: SAMPLE, names: ['localhost/strata-sample:1'], affected: true });
    expect(sample!.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(sample!.libraries).toEqual(expect.arrayContaining([`${L}/libssl.so.3`, `${L}/libcrypto.so.3`]));
    const paths = sample!.dependents.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/usr/bin/curl', '/usr/bin/openssl', `${L}/libcurl.so.4.8.0`]),
    );
    const curl = sample!.dependents.find((d) => d.path === '/usr/bin/curl')!;
    expect(curl.kind).toBe('exe');
    expect(curl.via[0]).toBe(`${L}/libcurl.so.4.8.0`);
    expect(other).toMatchObject({ archive: OTHER, affected: false, libraries: [], dependents: [] });
  });

  it('libssl3 across two archives (text, golden)', async () => {
    const { code, out } = await run(['blast-radius', 'libssl3', SAMPLE, OTHER]);
    expect(code).toBe(0);
    const text = out.replaceAll(`${ROOT}/`, '');
    await expect(text).toMatchFileSnapshot(`${GOLDEN}/blast-radius-libssl3.txt`);
  });

  it('libssl.so.3 by file name: libssl alone, and who loads it', async () => {
    const { code, out } = await run(['blast-radius', '--json', 'libssl.so.3', SAMPLE]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as BlastRadiusJson;
    expect(json.images[0]!.libraries).toEqual([`${L}/libssl.so.3`]);
    expect(json.images[0]!.dependents.map((d) => d.path)).toEqual([
      '/usr/bin/curl',
      '/usr/bin/openssl',
      `${L}/libcurl.so.4.8.0`,
    ]);
  });

  it('a package no image holds: nothing to rebuild, exit 0', async () => {
    const { code, out } = await run(['blast-radius', 'libnope9', OTHER]);
    expect(code).toBe(0);
    expect(out).toContain('unaffected: no library of libnope9 in the image');
    expect(out).toContain('rebuild: nothing (no image holds libnope9)');
  });

  it('needs a package and at least one archive', async () => {
    expect((await run(['blast-radius', 'libssl3'])).code).toBe(2);
    expect((await run(['rdeps', 'libssl3'])).code).toBe(2);
  });

  it('rdeps is an alias: the same flags, the same JSON and text', async () => {
    for (const flags of [['--json'], []]) {
      const alias = await run(['rdeps', ...flags, 'libssl.so.3', SAMPLE, OTHER]);
      expect(alias).toEqual(await run(['blast-radius', ...flags, 'libssl.so.3', SAMPLE, OTHER]));
      expect(alias.code).toBe(0);
    }
  });
});
