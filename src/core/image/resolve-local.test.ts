import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRIES_CONF, EMPTY_REGISTRIES_CONF } from './registries-conf';
import { lookupLocal } from './resolve-local';

const A = 'registry.access.redhat.com/ubi7/ubi:test';
const LATEST = 'registry.access.redhat.com/ubi7/ubi:latest';
const B = 'localhost/ubi7:test';
const STORE_A = [A];
const STORE_AB = [A, LATEST, B];
const ID_A = 'sha256:a92ddfc53bc54fe9f70a145763ce03a63b0fe04e43e29f3ebeb9130d3f1dad2e';
const ID_B = 'sha256:ade9772dacaf54756f2e9fd39e41de11afdd58050e5457cede523628f1021cae';

/**
 * docs/archive-formats.md#local-lookup, "Observed with podman 4.3.1", every row, in the store of that row (A,
 * then A plus …/ubi7/ubi:latest and localhost/ubi7:test). The conf is Debian's: no search registries.
 * Rechecked here with podman 4.3.1 (`podman image inspect` on a vfs store holding exactly these names): same
 * results.
 */
describe('lookupLocal, podman: the observed table', () => {
  it.each([
    ['ubi7/ubi:test', STORE_A, [A]],
    ['ubi7/ubi:test', STORE_AB, [A]],
    ['ubi:test', STORE_A, [A]],
    ['ubi:test', STORE_AB, [A]],
    ['ubi7/ubi', STORE_A, []],
    ['ubi7/ubi', STORE_AB, [LATEST]],
    ['ubi7', STORE_A, []],
    ['ubi7', STORE_AB, []],
    ['ubi7:test', STORE_A, []],
    ['ubi7:test', STORE_AB, [B]],
    ['localhost/ubi7', STORE_A, []],
    ['localhost/ubi7', STORE_AB, []],
    ['UBI7/ubi', STORE_A, []],
    ['UBI7/ubi', STORE_AB, []],
    ['test', ['localhost/test:1', 'localhost/test:2', 'localhost/test:3'], []],
    ['myalpine:3', ['docker.io/library/myalpine:3'], ['docker.io/library/myalpine:3']],
    ['library/myalpine:3', ['docker.io/library/myalpine:3'], ['docker.io/library/myalpine:3']],
    ['docker.io/myalpine:3', ['docker.io/library/myalpine:3'], ['docker.io/library/myalpine:3']],
    [
      'index.docker.io/library/myalpine:3',
      ['docker.io/library/myalpine:3'],
      ['docker.io/library/myalpine:3'],
    ],
  ])('%s in %j', (query, store, expected) => {
    expect(lookupLocal(query, 'podman', EMPTY_REGISTRIES_CONF, store, [ID_A, ID_B]).matches).toEqual(
      expected,
    );
  });

  it.each([
    ['a92ddf', [ID_A]],
    [ID_A, [ID_A]],
    [ID_A.slice('sha256:'.length), [ID_A]],
    ['a', []],
  ])('finds the ID %s', (query, expected) => {
    expect(lookupLocal(query, 'podman', EMPTY_REGISTRIES_CONF, STORE_AB, [ID_A, ID_B]).matches).toEqual(
      expected,
    );
  });
});

/** The sentences that say why: what was tried and which rule kept the nearest name out. */
describe('lookupLocal, podman: explanations', () => {
  const explain = (query: string, store: readonly string[]): string =>
    lookupLocal(query, 'podman', EMPTY_REGISTRIES_CONF, store, [ID_A, ID_B]).explanation.join('\n');

  it.each<[string, string, readonly string[], readonly string[]]>([
    [
      'says a missing tag means latest',
      'ubi7/ubi',
      STORE_A,
      [
        'tried localhost/ubi7/ubi:latest, docker.io/ubi7/ubi:latest: none is present',
        "no image is tagged 'latest'; 'ubi7/ubi' exists only as registry.access.redhat.com/ubi7/ubi:test — a missing tag means ':latest'",
      ],
    ],
    [
      'names the suffix rule when it matched',
      'ubi:test',
      STORE_A,
      [
        'tried localhost/ubi:test, docker.io/library/ubi:test: none is present',
        "registry.access.redhat.com/ubi7/ubi:test ends with 'ubi' at a '/' boundary and has the tag 'test'",
      ],
    ],
    [
      'says an inner component does not count',
      'ubi7',
      STORE_A,
      [
        'tried localhost/ubi7:latest, docker.io/library/ubi7:latest: none is present',
        "'ubi7' appears inside registry.access.redhat.com/ubi7/ubi:test, but only a name's last components count",
      ],
    ],
    [
      'says a qualified name is looked up exactly',
      'localhost/ubi7',
      STORE_AB,
      [
        'tried localhost/ubi7:latest: none is present',
        "'localhost/ubi7' has a registry, so podman looks for that exact name only",
        "no image is tagged 'latest'; 'localhost/ubi7' exists only as localhost/ubi7:test — a missing tag means ':latest'",
      ],
    ],
    [
      'explains the uppercase first component',
      'UBI7/ubi',
      STORE_AB,
      [
        "'UBI7' has uppercase letters, so it cannot be part of a repository path, but without '.', ':' or 'localhost' podman does not take it for a registry either: with localhost or a search registry in front it becomes a path component, which is refused",
        "'UBI7/ubi' is not known to podman",
      ],
    ],
  ])('%s', (_title, query, store, lines) => {
    expect(explain(query, store)).toBe(lines.join('\n'));
  });

  it('names the candidate that matched', () => {
    expect(explain('ubi7:test', STORE_AB)).toBe(
      'found as candidate 1 of 2, localhost/ubi7:test (localhost, where locally built images live)',
    );
  });

  it('refuses a short ID written with sha256:, as podman does', () => {
    expect(explain('sha256:a92d', STORE_AB)).toBe(
      "podman refuses 'sha256:a92d': 'sha256:a92d' is not a full image ID: after 'sha256:' podman needs all 64 hex digits; leave out 'sha256:' to match the start of an ID",
    );
  });

  it('says when an ID prefix is ambiguous', () => {
    expect(explain('a', STORE_AB)).toContain(
      "'a' is the start of 2 image IDs (sha256:a92ddfc53bc5 and sha256:ade9772dacaf…); give more characters",
    );
  });
});

describe('lookupLocal, podman: registries.conf', () => {
  it('tries the search registries in order and reports which one matched', () => {
    const r = lookupLocal('ubi7/ubi:test', 'podman', DEFAULT_REGISTRIES_CONF, STORE_A);
    expect(r).toEqual({
      matches: [A],
      explanation: [
        'found as candidate 3 of 6, registry.access.redhat.com/ubi7/ubi:test (the search registry registry.access.redhat.com)',
      ],
      explanationSentences: [
        {
          name: 'podman-found',
          params: {
            n: 3,
            total: 6,
            name: A,
            source: { name: 'source-search-registry', params: { registry: 'registry.access.redhat.com' } },
          },
        },
      ],
    });
  });

  it('prefers the alias over localhost', () => {
    const conf = { ...EMPTY_REGISTRIES_CONF, aliases: new Map([['ubi7', 'quay.io/x/ubi7']]) };
    const r = lookupLocal('ubi7:test', 'podman', conf, [B, 'quay.io/x/ubi7:test']);
    expect(r.matches).toEqual(['quay.io/x/ubi7:test']);
  });

  it('matches a digest against the stored names', () => {
    const digest = `sha256:${'d'.repeat(64)}`;
    const stored = `quay.io/x/app@${digest}`;
    expect(lookupLocal(`app:1@${digest}`, 'podman', EMPTY_REGISTRIES_CONF, [stored]).matches).toEqual([
      stored,
    ]);
  });
});

describe('lookupLocal, docker', () => {
  const docker = (query: string, store: readonly string[], ids: readonly string[] = [ID_A, ID_B]) =>
    lookupLocal(query, 'docker', DEFAULT_REGISTRIES_CONF, store, ids);

  it.each([
    ['ubuntu', ['ubuntu:latest'], ['ubuntu:latest']],
    ['docker.io/library/ubuntu', ['ubuntu:latest'], ['ubuntu:latest']],
    [
      'index.docker.io/library/ubuntu:latest',
      ['docker.io/library/ubuntu:latest'],
      ['docker.io/library/ubuntu:latest'],
    ],
    ['ubuntu', ['ubuntu:22.04'], []],
    ['ubi7/ubi:test', STORE_AB, []],
    ['ubi:test', STORE_AB, []],
    [A, STORE_AB, [A]],
    ['localhost/ubi7:test', STORE_AB, [B]],
    ['a92d', STORE_AB, [ID_A]],
    ['a', STORE_AB, []],
    ['sha256:a92d', STORE_AB, [ID_A]],
    [ID_A, STORE_AB, [ID_A]],
    [ID_A.slice('sha256:'.length), STORE_AB, [ID_A]],
  ])('%s in %j', (query, store, expected) => {
    expect(docker(query, store).matches).toEqual(expected);
  });

  it('says that a name without a registry means Docker Hub', () => {
    expect(docker('ubi7/ubi:test', STORE_A).explanation).toEqual([
      "'ubi7/ubi:test' means docker.io/ubi7/ubi:test, which is not present",
      "Docker reads a name without a registry as Docker Hub, so 'ubi7/ubi' means docker.io/ubi7/ubi; the archive has registry.access.redhat.com/ubi7/ubi:test",
    ]);
  });

  it('says a missing tag means latest', () => {
    expect(docker('ubuntu', ['ubuntu:22.04']).explanation).toEqual([
      "'ubuntu' means docker.io/library/ubuntu:latest, which is not present",
      "no image is tagged 'latest'; 'ubuntu' exists only as ubuntu:22.04 — a missing tag means ':latest'",
    ]);
  });

  it('passes on the grammar error', () => {
    expect(docker('foo/App', STORE_A)).toMatchObject({
      matches: [],
      explanation: [
        "Docker refuses 'foo/App': uppercase letters are not allowed in the repository path: 'App' (position 4)",
      ],
    });
  });

  it('reads an uppercase first component as a registry', () => {
    expect(docker('UBI7/ubi', STORE_AB).explanation).toEqual([
      "'UBI7/ubi' means UBI7/ubi:latest, which is not present",
      "'UBI7' has uppercase letters, so Docker reads it as a registry host",
      "no image in the archive is named like 'UBI7/ubi'",
    ]);
  });
});
