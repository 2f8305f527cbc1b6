import { describe, expect, it } from 'vitest';
import { parseReference } from './reference';
import { DEFAULT_REGISTRIES_CONF, EMPTY_REGISTRIES_CONF } from './registries-conf';
import type { RegistriesConf } from './registries-conf';
import { isShortName, planPodmanLookup, podmanCandidates } from './resolve-podman';

const FEDORA_ALIAS: RegistriesConf = {
  ...DEFAULT_REGISTRIES_CONF,
  aliases: new Map([['fedora', 'registry.fedoraproject.org/fedora']]),
};

/**
 * The "Trying …" lines of `podman --log-level debug image inspect NAME` (podman 4.3.1, Debian 12), with the
 * Fedora registries.conf and Debian's shortnames.conf alias for fedora. Repeats are podman's own.
 */
describe('podmanCandidates: the order podman 4.3.1 tries', () => {
  it.each([
    [
      'nothing',
      [
        'localhost/nothing:latest',
        'registry.fedoraproject.org/nothing:latest',
        'registry.access.redhat.com/nothing:latest',
        'docker.io/library/nothing:latest',
        'quay.io/nothing:latest',
        'docker.io/library/nothing:latest',
      ],
    ],
    [
      'fedora:39',
      [
        'registry.fedoraproject.org/fedora:39',
        'localhost/fedora:39',
        'registry.fedoraproject.org/fedora:39',
        'registry.access.redhat.com/fedora:39',
        'docker.io/library/fedora:39',
        'quay.io/fedora:39',
        'docker.io/library/fedora:39',
      ],
    ],
    [
      'ubi7/ubi',
      [
        'localhost/ubi7/ubi:latest',
        'registry.fedoraproject.org/ubi7/ubi:latest',
        'registry.access.redhat.com/ubi7/ubi:latest',
        'docker.io/ubi7/ubi:latest',
        'quay.io/ubi7/ubi:latest',
        'docker.io/ubi7/ubi:latest',
      ],
    ],
    ['UBI7/ubi', []],
  ])('%s', (input, expected) => {
    expect(podmanCandidates(input, FEDORA_ALIAS)).toEqual(expected);
  });
});

/** The qualified and digested rows were checked the same way; a qualified name is tried twice. */
describe('podmanCandidates: qualified names, digests and IDs', () => {
  const HEX = 'e'.repeat(64);
  it.each([
    ['localhost/ubi7', ['localhost/ubi7:latest', 'localhost/ubi7:latest']],
    ['docker.io/alpine', ['docker.io/library/alpine:latest', 'docker.io/library/alpine:latest']],
    ['index.docker.io/library/alpine:3', ['docker.io/library/alpine:3', 'docker.io/library/alpine:3']],
    ['quay.io:443/a/b:1', ['quay.io:443/a/b:1', 'quay.io:443/a/b:1']],
    [`app:1@sha256:${HEX}`, [`localhost/app@sha256:${HEX}`, `docker.io/library/app@sha256:${HEX}`]],
    [HEX, []],
    [`sha256:${HEX}`, []],
    ['sha256:eee', []],
  ])('%s', (input, expected) => {
    expect(podmanCandidates(input, EMPTY_REGISTRIES_CONF)).toEqual(expected);
  });

  it('keeps the tag of the input on the alias', () => {
    expect(podmanCandidates('fedora:39', FEDORA_ALIAS)[0]).toBe('registry.fedoraproject.org/fedora:39');
  });

  it('reads a full ID, and refuses sha256: with fewer than 64 digits', () => {
    expect(planPodmanLookup(`sha256:${HEX}`, EMPTY_REGISTRIES_CONF)).toEqual({ kind: 'id', hex: HEX });
    expect(planPodmanLookup('sha256:eee', EMPTY_REGISTRIES_CONF).kind).toBe('invalid');
  });
});

describe('isShortName (pkg/shortnames)', () => {
  it.each([
    ['image:tag', true],
    ['library/fedora', true],
    ['UBI7/ubi', true],
    ['quay.io/image', false],
    ['localhost/image:tag', false],
    ['server.org:5000/lib/image', false],
    ['myreg:5000/x', false],
  ])('%s → %s', (input, expected) => {
    const parsed = parseReference(input);
    if (parsed.kind !== 'name') throw new Error(`not a name: ${input}`);
    expect(isShortName(parsed)).toBe(expected);
  });
});
