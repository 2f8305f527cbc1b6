/**
 * strata compare on the image pairs of fixtures/compare (made by podman, buildah and dpkg), checked against what
 * the host's dpkg-query, dpkg --compare-versions, readelf and find said about each image's own root filesystem
 * (fixtures/compare/oracles), plus the golden Markdown and the --fail-on gate's exit codes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompareJson } from '../../core';
import { runCli } from '../testing/run-cli';

const DIR = join(import.meta.dirname, '../../../fixtures/compare');
const APP1 = join(DIR, 'app-1.oci-archive.tar');
const APP2 = join(DIR, 'app-2.docker-archive.tar.gz');
const PAIRS = join(DIR, 'pairs.docker-archive.tar.gz');

const oracle = (name: string): string => readFileSync(join(DIR, 'oracles', name), 'utf8');
const rows = (name: string): string[][] =>
  oracle(name)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));

function packages(image: string): Map<string, string> {
  return new Map(rows(`${image}.dpkg-query.tsv`).map(([name, version]) => [name!, version!]));
}

/** What readelf says: ELF objects, and each DT_NEEDED resolved to the object of that file name (or not). */
function linkage(image: string) {
  const objects = oracle(`${image}.elf.txt`).split('\n').filter(Boolean);
  const byName = new Map(objects.map((p) => [p.slice(p.lastIndexOf('/') + 1), p]));
  const edges = new Set<string>();
  const unresolved = new Set<string>();
  const needed = new Map<string, string[]>();
  for (const [from, name] of rows(`${image}.readelf-needed.tsv`)) {
    needed.set(from!, [...(needed.get(from!) ?? []), name!]);
    const to = byName.get(name!);
    if (to === undefined) unresolved.add(`${from} ${name}`);
    else edges.add(`${from} ${to}`);
  }
  return { objects, edges, unresolved, needed };
}

const minus = <T>(a: Iterable<T>, b: Iterable<T>): T[] => {
  const set = new Set(b);
  return [...a].filter((x) => !set.has(x)).sort();
};

async function compareJson(args: string[]): Promise<CompareJson> {
  const { code, out, err } = await runCli(['compare', '--json', ...args]);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as CompareJson;
}

describe('strata compare app:1 (OCI archive) → app:2 (gzipped docker-archive)', async () => {
  const json = await compareJson([APP1, APP2]);

  it('names, ids and the common base', () => {
    expect(json.old.name).toBe('localhost/app:1');
    expect(json.new).toEqual({ name: 'localhost/app:2', id: `sha256:${oracle('app-2.id').trim()}` });
    expect(json.layers.shared).toHaveLength(2);
    expect(json.layers.removed).toEqual([]);
    expect(json.layers.added).toHaveLength(1);
  });

  it('config: Env, User and Labels, as buildah config set them', () => {
    expect(json.config.changed.map((c) => c.key)).toEqual(['Env', 'User', 'Labels']);
    expect(json.config.changed[1]).toEqual({ key: 'User', old: null, new: '1000' });
  });

  it('packages as dpkg-query lists them, version changes as dpkg --compare-versions orders them', () => {
    const before = packages('app-1');
    const after = packages('app-2');
    expect(json.packages.manager).toBe('dpkg');
    expect(json.packages.added).toEqual(
      minus(after.keys(), before.keys()).map((name) => ({ name, version: after.get(name), manager: 'dpkg' })),
    );
    expect(json.packages.removed).toEqual(
      minus(before.keys(), after.keys()).map((name) => ({
        name,
        version: before.get(name),
        manager: 'dpkg',
      })),
    );
    const changes = rows('app-1--app-2.dpkg-compare-versions.tsv');
    const of = (kind: string) =>
      changes.filter((r) => r[3] === kind).map(([name, from, to]) => ({ name, from, to, manager: 'dpkg' }));
    expect(json.packages.upgraded).toEqual(of('upgraded'));
    expect(json.packages.downgraded).toEqual(of('downgraded'));
    expect(json.packages.downgraded).toHaveLength(1);
  });

  it('ELF objects, edges and unresolved names as readelf sees them', () => {
    const before = linkage('app-1');
    const after = linkage('app-2');
    expect(json.linkage.objectsAdded).toEqual(minus(after.objects, before.objects));
    expect(json.linkage.objectsRemoved).toEqual(minus(before.objects, after.objects));
    const edge = (e: { from: string; to: string }) => `${e.from} ${e.to}`;
    expect(json.linkage.edgesAdded.map(edge)).toEqual(minus(after.edges, before.edges));
    expect(json.linkage.edgesRemoved.map(edge)).toEqual(minus(before.edges, after.edges));
    expect(json.linkage.unresolvedNew.map((u) => `${u.path} ${u.name}`)).toEqual(
      minus(after.unresolved, before.unresolved),
    );
    expect(json.linkage.unresolvedNew).toEqual([{ path: '/usr/bin/tool', name: 'libold.so.1' }]);
  });

  it('the SONAME change: hello asked for libgreet.so.1 and now for libgreet.so.2 (readelf NEEDED)', () => {
    expect(linkage('app-1').needed.get('/usr/bin/hello')).toContain('libgreet.so.1');
    expect(linkage('app-2').needed.get('/usr/bin/hello')).toContain('libgreet.so.2');
    expect(json.linkage.sonameChanges).toEqual([
      { from: 'libgreet.so.1', to: 'libgreet.so.2', loadedBy: ['/usr/bin/hello'] },
    ]);
  });

  it('new setuid files as find -perm /6000 lists them', () => {
    const expected = minus(
      rows('app-2.setuid.tsv').map((r) => r.join(' ')),
      rows('app-1.setuid.tsv').map((r) => r.join(' ')),
    );
    expect(json.files.newSetuid.map((s) => `${s.path} ${s.mode}`)).toEqual(expected);
  });

  it('the Markdown for a pull request comment (golden)', async () => {
    const { code, out } = await runCli(['compare', '--format', 'markdown', APP1, APP2]);
    expect(code).toBe(0);
    await expect(out).toMatchFileSnapshot('../../../fixtures/compare/golden/app-1--app-2.md.txt');
  });

  it('--fail-on: exit 1 with each rule that tripped; a rule that holds stays quiet', async () => {
    const rules = 'new-setuid,package-downgrade,new-unresolved,new-package=openssl*';
    const { code, err } = await runCli([
      'compare',
      '--fail-on',
      rules,
      '--fail-on',
      'size-growth=50%',
      APP1,
      APP2,
    ]);
    expect(code).toBe(1);
    expect(err.split('\n').filter(Boolean)).toEqual([
      'strata compare: --fail-on new-setuid tripped: new setuid/setgid files: /usr/sbin/strata-helper (4755).',
      'strata compare: --fail-on package-downgrade tripped: downgraded: tool 2.0-1 → 1.5-1.',
      'strata compare: --fail-on new-unresolved tripped: libraries that no longer resolve: libold.so.1 (needed by /usr/bin/tool).',
    ]);
  });
});

describe('strata compare: two images of one archive', () => {
  it('a base bump shares no layer; the base package moved as dpkg orders it', async () => {
    const json = await compareJson(['--image-old', 'app:1', '--image-new', 'app-rebased:1', PAIRS, PAIRS]);
    expect(json.old.id).toBe(`sha256:${oracle('app-1.id').trim()}`);
    expect(json.new.id).toBe(`sha256:${oracle('app-rebased-1.id').trim()}`);
    expect(json.layers.shared).toEqual([]);
    expect(json.layers.removed).toHaveLength(2);
    expect(json.layers.added).toHaveLength(2);
    const [[name, from, to, kind]] = rows('app-1--app-rebased-1.dpkg-compare-versions.tsv') as [string[]];
    expect(kind).toBe('upgraded');
    expect(json.packages.upgraded).toEqual([{ name, from, to, manager: 'dpkg' }]);
    expect(json.linkage.edgesAdded).toEqual([]);
  });

  it('an image without a package database: said plainly, every package removed', async () => {
    const json = await compareJson(['--image-old', 'app:1', '--image-new', 'static:1', PAIRS, PAIRS]);
    expect(json.packages.note).toBe(
      'The new image has no package database (dpkg in the old one): every package is listed as removed.',
    );
    expect(json.packages.removed.map((p) => p.name)).toEqual([...packages('app-1').keys()]);
    expect(json.linkage.objectsAdded).toEqual(oracle('static-1.elf.txt').split('\n').filter(Boolean));
  });
});

describe('strata compare: usage', () => {
  it('-o writes the output to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-compare-'));
    try {
      const file = join(dir, 'out.md');
      const { code, out } = await runCli(['compare', '--format', 'markdown', '-o', file, APP1, APP2]);
      expect(code).toBe(0);
      expect(out).toBe('');
      expect(readFileSync(file, 'utf8')).toMatch(/^### `localhost\/app:1` → `localhost\/app:2`/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('--graph writes the linkage change as the linkage picture: SVG with title and legend, or PNG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-compare-'));
    try {
      const svg = join(dir, 'change.svg');
      const png = join(dir, 'change.png');
      expect((await runCli(['compare', '--graph', svg, APP1, APP2])).code).toBe(0);
      expect((await runCli(['compare', '--graph', png, APP1, APP2])).code).toBe(0);
      const text = readFileSync(svg, 'utf8');
      expect(text).toMatch(
        /aria-label="localhost\/app:1 \([0-9a-f]{12}\) → localhost\/app:2 \([0-9a-f]{12}\)"/,
      );
      expect(text).toContain('load removed (dashed)');
      expect(text.match(/class="edge--added"/g)).toHaveLength(3);
      expect(text.match(/class="edge--removed"/g)).toHaveLength(4);
      const bytes = readFileSync(png);
      expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it.each([
    [
      ['compare', '--graph', 'change.pdf', APP1, APP2],
      'strata compare: --graph change.pdf: name a .svg or .png file.',
    ],
    [['compare', APP1], 'strata compare: usage: strata compare'],
    [
      ['compare', '--format', 'yaml', APP1, APP2],
      'strata compare: --format yaml is not known: use text, json or markdown.',
    ],
    [
      ['compare', '--json', '--format', 'markdown', APP1, APP2],
      'strata compare: --json and --format markdown ask for two formats: give one.',
    ],
    [
      ['compare', '--fail-on', 'size-growth=big', APP1, APP2],
      'strata compare: size-growth=big: "big" is not a byte size',
    ],
    [
      ['compare', '--fail-on', 'nothing', '/no/such.tar', APP2],
      'strata compare: "nothing" is not a rule strata knows',
    ],
  ])('%j: exit 2', async (args, message) => {
    const { code, err } = await runCli(args);
    expect(code).toBe(2);
    expect(err.startsWith(message)).toBe(true);
  });

  it('a multi-image archive without --image-old says which names exist (exit 1)', async () => {
    const { code, err } = await runCli(['compare', PAIRS, APP2]);
    expect(code).toBe(1);
    expect(err).toMatch(
      /\(the old image\): This archive holds 3 images; choose one with --image-old: localhost\/app:1/,
    );
  });
});
