import { describe, expect, it } from 'vitest';
import { dockerFullName, familiarName, normalizeReference } from './reference-normalize';

const HEX64 = '3a291b' + 'c'.repeat(58);

function dump(input: string): string {
  const n = normalizeReference(input);
  if (n.kind === 'error') return `error: ${n.message}`;
  if (n.kind === 'id') return `id ${n.id}`;
  const implied = n.implied.length > 0 ? ` implied=${n.implied.join(',')}` : '';
  const notes = n.notes.map((note) => ` note: ${note}`).join('');
  return `${n.normalized} | ${n.familiar}${implied}${notes}`;
}

/** docs/archive-formats.md#normalised-and-familiar-forms: the table, plus the edges around it. */
describe('normalizeReference (Docker)', () => {
  it.each([
    ['ubuntu', 'docker.io/library/ubuntu:latest | ubuntu:latest implied=registry,namespace,tag'],
    ['user/app:1', 'docker.io/user/app:1 | user/app:1 implied=registry'],
    [
      'index.docker.io/library/ubuntu',
      "docker.io/library/ubuntu:latest | ubuntu:latest implied=tag note: index.docker.io is Docker Hub's legacy name; it is rewritten to docker.io",
    ],
    ['localhost/app', 'localhost/app:latest | localhost/app:latest implied=tag'],
    ['localhost:5000/app', 'localhost:5000/app:latest | localhost:5000/app:latest implied=tag'],
    ['example.com/a/b', 'example.com/a/b:latest | example.com/a/b:latest implied=tag'],
    ['Foo/app', 'Foo/app:latest | Foo/app:latest implied=tag'],
    ['foo/App', "error: uppercase letters are not allowed in the repository path: 'App' (position 4)"],
    ['docker.io/library/a/b', 'docker.io/library/a/b:latest | library/a/b:latest implied=tag'],
    ['docker.io/ubuntu:22.04', 'docker.io/library/ubuntu:22.04 | ubuntu:22.04 implied=namespace'],
    [
      'index.docker.io/user/app',
      expect.stringMatching(/^docker\.io\/user\/app:latest \| user\/app:latest implied=tag/),
    ],
    ['localhost', 'docker.io/library/localhost:latest | localhost:latest implied=registry,namespace,tag'],
    ['localhost:5000', 'docker.io/library/localhost:5000 | localhost:5000 implied=registry,namespace'],
    [
      `app@sha256:${HEX64}`,
      `docker.io/library/app@sha256:${HEX64} | app@sha256:${HEX64} implied=registry,namespace`,
    ],
    [
      `app:1@sha256:${HEX64}`,
      `docker.io/library/app@sha256:${HEX64} | app@sha256:${HEX64} implied=registry,namespace note: the tag '1' is ignored: with a digest, the digest alone picks the image`,
    ],
    [HEX64, `id sha256:${HEX64}`],
    [`sha256:${HEX64}`, `id sha256:${HEX64}`],
    ['sha256:3a29', 'docker.io/library/sha256:3a29 | sha256:3a29 implied=registry,namespace'],
    ['3a291b', 'docker.io/library/3a291b:latest | 3a291b:latest implied=registry,namespace,tag'],
  ])('%s', (input, expected) => {
    expect(dump(input)).toEqual(expected);
  });

  it('counts library/ in the path length, as ParseNormalizedNamed does', () => {
    expect(normalizeReference('a'.repeat(247)).kind).toBe('name');
    expect(dump('a'.repeat(248))).toBe(
      "error: the repository path is 256 characters long once Docker adds 'library/' (position 0); at most 255 are allowed",
    );
  });
});

describe('familiarName', () => {
  it.each([
    ['docker.io', 'library/ubuntu', 'ubuntu'],
    ['docker.io', 'library/a/b', 'library/a/b'],
    ['docker.io', 'user/app', 'user/app'],
    ['quay.io', 'library/x', 'quay.io/library/x'],
  ])('%s/%s → %s', (registry, path, expected) => {
    expect(familiarName(registry, path)).toBe(expected);
  });
});

describe('dockerFullName', () => {
  it('gives the full form of a name, and null for IDs and invalid names', () => {
    expect(dockerFullName('ubuntu:22.04')).toBe('docker.io/library/ubuntu:22.04');
    expect(dockerFullName(HEX64)).toBeNull();
    expect(dockerFullName('foo/App')).toBeNull();
  });
});
