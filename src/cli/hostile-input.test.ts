/**
 * Hostile input through the CLI: each case is a tiny archive built here and the exact answer a user
 * gets (exit 0 with the listing, or exit 1 and one sentence). The cases are the fuzzer's findings
 * (fuzz/README.md) and the attacks it tries: deep paths, PAX numbers that are not numbers, links out
 * of the image, loops, archives that hold no image.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDockerArchive } from '../core/testing/image-builder';
import { buildTar, type BuildEntry } from '../core/testing/tar-builder';
import { runCli } from './testing/run-cli';

const work = mkdtempSync(join(tmpdir(), 'strata-hostile-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
let files = 0;

function archive(...layers: BuildEntry[][]): string {
  const path = join(work, `${files++}.tar`);
  writeFileSync(
    path,
    buildDockerArchive(
      layers.map((entries) => buildTar(entries)),
      sha,
    ),
  );
  return path;
}

function file(bytes: Uint8Array | string): string {
  const path = join(work, `${files++}.tar`);
  writeFileSync(path, bytes);
  return path;
}

const deepPath = (depth: number): string => `${Array.from({ length: depth }, () => 'd').join('/')}/f`;

/** Nothing a user reads may be a JavaScript error. */
function expectSentence(err: string): void {
  expect(err).not.toMatch(/RangeError|TypeError|Maximum call stack|Cannot read propert|\n\s+at /);
}

describe('a path nested 10,000 directories deep (a PAX path)', () => {
  const deep = deepPath(10_000);
  const path = archive([
    { name: 'x', data: 'deep\n', pax: { path: deep } },
    { name: 'top', data: 'top\n' },
  ]);

  it.each([
    [['diff', '--json']],
    [['ls', '-R']],
    [['ls', '-R', '--json']],
    [['export', '--format', 'csv']],
    [['graph']],
  ])('strata %j answers', async (args) => {
    const run = await runCli([...args, path]);
    expectSentence(run.err);
    expect(run.code).toBe(0);
  });

  it('strata cat reads the deepest file', async () => {
    const run = await runCli(['cat', path, `/${deep}`]);
    expect(run).toEqual({ code: 0, out: 'deep\n', err: '' });
  });

  it('strata ls -R lists every level, one block per directory', async () => {
    const run = await runCli(['ls', '-R', path]);
    expect(run.out.split('\n').filter((line) => line.endsWith(':')).length).toBe(10_001);
  });
});

describe('PAX numbers that are not whole numbers fail that layer with a sentence', () => {
  it.each(['2047.5', '1e3', '0x10', '-1', ' 12'])('size=%j', async (size) => {
    const path = archive([{ name: 'a', data: 'x'.repeat(2048), pax: { size } }], [{ name: 'b', data: 'b' }]);
    const run = await runCli(['diff', path]);
    expect(run.code).toBe(0);
    expect(run.err).toBe(
      `warning: layer 0 is shown empty: This layer's tar is damaged: The tar entry at byte 1024 has a PAX size of "${size}", which is not a whole number.\n`,
    );
  });

  it('a PAX mtime that is not a time falls back to the header', async () => {
    const path = archive([{ name: 'a', data: 'x', mtime: 1_700_000_000, pax: { mtime: 'soon' } }]);
    const run = await runCli(['ls', '--json', path]);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
  });
});

describe('unreadable input exits 1 with one sentence; 2 is for bad usage only', () => {
  it('an archive whose manifest lists no image', async () => {
    const path = file(buildTar([{ name: 'manifest.json', data: '[]' }]));
    for (const command of ['diff', 'ls', 'history']) {
      const run = await runCli([command, path]);
      expect(run.code).toBe(1);
      expectSentence(run.err);
      expect(run.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('JSON nested 10,000 deep', async () => {
    const path = file(buildTar([{ name: 'manifest.json', data: '['.repeat(10_000) + ']'.repeat(10_000) }]));
    const run = await runCli(['inspect', '--json', path]);
    expect(run.code).toBe(1);
    expectSentence(run.err);
  });

  it("inspect --json leaves out the names of the warnings' sentences, which only the page reads", async () => {
    const whole = buildDockerArchive([buildTar([{ name: 'a', data: 'a' }])], sha);
    const run = await runCli(['inspect', '--json', file(whole)]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('"warnings"');
    expect(run.out).not.toContain('warningSentences');
  });

  it('an archive cut inside its only layer answers, with that layer marked', async () => {
    const whole = buildDockerArchive([buildTar([{ name: 'a', data: 'a'.repeat(5000) }])], sha);
    const cut = await runCli(['ls', file(whole.subarray(0, 3000))]);
    expect(cut.code).toBe(0);
    expectSentence(cut.err);
    expect(cut.err).toMatch(/^warning: layer 0 /);
  });

  it('a nested OCI index whose manifests are not a list (fuzz seed 5, mutant 1382)', async () => {
    const index = JSON.stringify({ schemaVersion: 2, manifests: -1 });
    const digest = sha(new TextEncoder().encode(index));
    const outer = {
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.index.v1+json',
          digest: `sha256:${digest}`,
          size: index.length,
        },
      ],
    };
    const path = file(
      buildTar([
        { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
        { name: 'index.json', data: JSON.stringify(outer) },
        { name: `blobs/sha256/${digest}`, data: index },
      ]),
    );
    expect(await runCli(['diff', path])).toEqual({
      code: 1,
      out: '',
      err: `strata diff: ${path}: The index sha256:${digest} has no list of manifests.\n`,
    });
  });

  it('several images without --image stays bad usage', async () => {
    const run = await runCli(['ls']);
    expect(run.code).toBe(2);
  });
});

describe('cat never reads outside the image', () => {
  const path = archive([
    { name: 'etc/passwd', data: 'root:x:0:0:image:/root:/bin/sh\n' },
    { name: 'usr/bin/up', type: '2', linkname: '../../../../../../etc/passwd' },
    { name: 'usr/bin/abs', type: '2', linkname: '/etc/passwd' },
    { name: 'usr/bin/shadow', type: '2', linkname: '/etc/shadow' },
    { name: 'loop-a', type: '2', linkname: 'loop-b' },
    { name: 'loop-b', type: '2', linkname: 'loop-a' },
    { name: 'self', type: '2', linkname: 'self' },
    { name: 'hard', type: '1', linkname: 'no/such/file' },
  ]);

  it.each(['/usr/bin/up', '/usr/bin/abs', '/../../etc/passwd'])(
    "%s is the image's own /etc/passwd",
    async (p) => {
      expect(await runCli(['cat', path, p])).toEqual({
        code: 0,
        out: 'root:x:0:0:image:/root:/bin/sh\n',
        err: '',
      });
    },
  );

  it.each([
    [
      '/usr/bin/shadow',
      'strata cat: /usr/bin/shadow is a symlink to /etc/shadow, which leads nowhere in the image at layer 0.\n',
    ],
    ['/loop-a', 'strata cat: /loop-a is a symlink to loop-b, which leads nowhere in the image at layer 0.\n'],
    ['/self', 'strata cat: /self is a symlink to self, which leads nowhere in the image at layer 0.\n'],
  ])('%s leads nowhere', async (p, err) => {
    expect(await runCli(['cat', path, p])).toEqual({ code: 1, out: '', err });
  });

  it('a hard link to nothing is a sentence', async () => {
    const run = await runCli(['cat', path, '/hard']);
    expect(run.code).toBe(1);
    expectSentence(run.err);
  });
});

describe('a sparse package database that declares a petabyte', () => {
  const rpmdb = new Uint8Array(
    readFileSync(join(import.meta.dirname, '../../fixtures/packages/rpm/rpmdb.sqlite')),
  );
  const path = archive([
    {
      name: 'var/lib/rpm/rpmdb.sqlite',
      data: rpmdb,
      pax: { 'GNU.sparse.realsize': String(2 ** 50) },
    },
  ]);

  it('reads the bytes the layer stores and allocates nothing for the declared size', async () => {
    const run = await runCli(['packages', '--json', path]);
    expectSentence(run.err);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({
      databases: [{ format: 'rpm-sqlite', location: '/var/lib/rpm/rpmdb.sqlite', packages: 2 }],
    });
  });
});
