/**
 * strata compare on the rpm and apk image pairs of fixtures/compare/rpm-apk-pairs.docker-archive.tar.gz (made by
 * rpmbuild, rpm --root, podman and buildah): packages as the host's `rpm -qa --root` lists them in each image's
 * own root filesystem, version changes ordered as rpm.vercmp orders them; the apk pair (a database written by
 * the documented format, Debian having no apk-tools) against apk's version rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompareJson } from '../../core';
import { runCli } from '../testing/run-cli';

const DIR = join(import.meta.dirname, '../../../fixtures/compare');
const ARCHIVE = join(DIR, 'rpm-apk-pairs.docker-archive.tar.gz');

const rows = (name: string): string[][] =>
  readFileSync(join(DIR, 'oracles', name), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
const id = (image: string) => `sha256:${readFileSync(join(DIR, 'oracles', `${image}.id`), 'utf8').trim()}`;

async function compare(kind: 'rpm' | 'apk'): Promise<CompareJson> {
  const args = ['--image-old', `localhost/${kind}-old:1`, '--image-new', `localhost/${kind}-new:1`];
  const { code, out, err } = await runCli(['compare', '--json', ...args, ARCHIVE, ARCHIVE]);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as CompareJson;
}

/** Added, removed, upgraded and downgraded from two name → version lists and the tool's order of each change. */
function expected(
  before: Map<string, string>,
  after: Map<string, string>,
  order: string[][],
  manager: string,
) {
  const only = (a: Map<string, string>, b: Map<string, string>) =>
    [...a].filter(([name]) => !b.has(name)).map(([name, version]) => ({ name, version, manager }));
  const changed = (sign: string) =>
    order.filter((r) => r[3] === sign).map(([name, from, to]) => ({ name, from, to, manager }));
  return {
    manager,
    added: only(after, before),
    removed: only(before, after),
    upgraded: changed('1'),
    downgraded: changed('-1'),
    note: null,
  };
}

describe('strata compare rpm-old:1 → rpm-new:1 (rpm --root in podman images)', async () => {
  const json = await compare('rpm');
  const qa = (image: string) => new Map(rows(`${image}.rpm-qa.tsv`).map(([n, v]) => [n!, v!]));

  it('names the images by their ids', () => {
    expect(json.old.id).toBe(id('rpm-old'));
    expect(json.new.id).toBe(id('rpm-new'));
  });

  it('packages as rpm -qa lists them, version changes as rpm.vercmp orders them', () => {
    const order = rows('rpm-old--rpm-new.rpm-vercmp.tsv');
    expect(json.packages).toEqual(expected(qa('rpm-old'), qa('rpm-new'), order, 'rpm'));
    // The changes where rpm's order is not a string order: 1.9 → 1.10, an epoch, a release, a tilde.
    expect(json.packages.upgraded.map((u) => u.name)).toEqual(['counter', 'stamp']);
    expect(json.packages.downgraded.map((u) => u.name)).toEqual(['libfoo', 'tool']);
  });

  it('the rpm database is among the changed files', () => {
    expect(json.files.byDirectory.map((d) => d.path)).toContain('/var/lib');
  });
});

describe('strata compare apk-old:1 → apk-new:1 (an apk database by the documented format)', async () => {
  const json = await compare('apk');

  it('packages by apk version rules: -r10 over -r9, _rc1 before the release, letters, a lower release', () => {
    const installed = (versions: [string, string][]) => new Map(versions);
    const before = installed([
      ['busybox', '1.36.1-r9'],
      ['libcrypto3', '3.1.4-r2'],
      ['zlib', '1.3-r0'],
      ['curl', '8.5.0_rc1-r0'],
      ['less', '643a-r0'],
    ]);
    const after = installed([
      ['busybox', '1.36.1-r10'],
      ['libcrypto3', '3.1.4-r1'],
      ['curl', '8.5.0-r0'],
      ['less', '643b-r0'],
      ['musl', '1.2.4-r2'],
    ]);
    const order = rows('apk-old--apk-new.apk-order.tsv');
    expect(json.packages).toEqual(expected(before, after, order, 'apk'));
    expect(json.new.id).toBe(id('apk-new'));
  });
});
