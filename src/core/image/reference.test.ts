import { describe, expect, it } from 'vitest';
import { formatReference, parseReference } from './reference';

const HEX64 = 'a'.repeat(64);

/** One line per input: the pieces of a valid reference, or the error sentence and its position. */
function dump(input: string): string {
  const r = parseReference(input);
  if (r.kind === 'error') return `${input} → error @${r.position}: ${r.message}`;
  if (r.kind === 'id') return `${input} → id ${r.id}`;
  return `${input} → domain=${r.domain ?? '-'} path=${r.path} tag=${r.tag ?? '-'} digest=${r.digest ?? '-'}`;
}

describe('parseReference: domain detection (splitDockerDomain)', () => {
  it.each([
    ['ubuntu', 'ubuntu → domain=- path=ubuntu tag=- digest=-'],
    ['library/ubuntu', 'library/ubuntu → domain=- path=library/ubuntu tag=- digest=-'],
    ['localhost/app', 'localhost/app → domain=localhost path=app tag=- digest=-'],
    ['localhost', 'localhost → domain=- path=localhost tag=- digest=-'],
    ['localhost:5000', 'localhost:5000 → domain=- path=localhost tag=5000 digest=-'],
    ['localhost:5000/app', 'localhost:5000/app → domain=localhost:5000 path=app tag=- digest=-'],
    ['example.com/a/b', 'example.com/a/b → domain=example.com path=a/b tag=- digest=-'],
    ['myreg:5000/a', 'myreg:5000/a → domain=myreg:5000 path=a tag=- digest=-'],
    ['Foo/app', 'Foo/app → domain=Foo path=app tag=- digest=-'],
    ['127.0.0.1:5000/x', '127.0.0.1:5000/x → domain=127.0.0.1:5000 path=x tag=- digest=-'],
    ['[::1]:5000/x:1', '[::1]:5000/x:1 → domain=[::1]:5000 path=x tag=1 digest=-'],
    ['[2001:db8::1]/x', '[2001:db8::1]/x → domain=[2001:db8::1] path=x tag=- digest=-'],
    ['a-b/c', 'a-b/c → domain=- path=a-b/c tag=- digest=-'],
    ['my_ns/app', 'my_ns/app → domain=- path=my_ns/app tag=- digest=-'],
  ])('%s', (input, expected) => {
    expect(dump(input)).toBe(expected);
  });
});

describe('parseReference: path, tag and digest grammar', () => {
  it.each([
    [
      'a__b/c.d/e---f:v1.0-rc_1',
      'a__b/c.d/e---f:v1.0-rc_1 → domain=- path=a__b/c.d/e---f tag=v1.0-rc_1 digest=-',
    ],
    ['app:_x', 'app:_x → domain=- path=app tag=_x digest=-'],
    ['app:UPPER', 'app:UPPER → domain=- path=app tag=UPPER digest=-'],
    [`app@sha256:${HEX64}`, `app@sha256:${HEX64} → domain=- path=app tag=- digest=sha256:${HEX64}`],
    [`app:1@sha256:${HEX64}`, `app:1@sha256:${HEX64} → domain=- path=app tag=1 digest=sha256:${HEX64}`],
    [
      `app@sha512:${'b'.repeat(128)}`,
      `app@sha512:${'b'.repeat(128)} → domain=- path=app tag=- digest=sha512:${'b'.repeat(128)}`,
    ],
    [HEX64, `${HEX64} → id sha256:${HEX64}`],
    [
      'A'.repeat(64),
      `${'A'.repeat(64)} → error @0: uppercase letters are not allowed in the repository path: '${'A'.repeat(64)}' (position 0)`,
    ],
  ])('%s', (input, expected) => {
    expect(dump(input)).toBe(expected);
  });

  it('accepts a tag of 128 characters and refuses 129', () => {
    expect(dump(`app:${'t'.repeat(128)}`)).toContain(`tag=${'t'.repeat(128)}`);
    expect(dump(`app:${'t'.repeat(129)}`)).toBe(
      `app:${'t'.repeat(129)} → error @4: the tag is 129 characters long (position 4); at most 128 are allowed`,
    );
  });

  it('counts 255 path characters without the domain, and refuses 256', () => {
    const path255 = `${'a'.repeat(127)}/${'b'.repeat(127)}`;
    expect(path255).toHaveLength(255);
    expect(dump(`registry.example.com/${path255}`)).toContain(`path=${path255}`);
    expect(dump(`registry.example.com/${path255}c`)).toBe(
      `registry.example.com/${path255}c → error @21: the repository path is 256 characters long (position 21); at most 255 are allowed`,
    );
  });
});

/**
 * The sentences a user sees for bad names (docs/conventions.md#errors-are-sentences: a regression list of bad
 * inputs).
 */
describe('parseReference: error sentences', () => {
  it.each([
    ['', 'an image name cannot be empty'],
    ['foo/App', "uppercase letters are not allowed in the repository path: 'App' (position 4)"],
    ['Ubuntu', "uppercase letters are not allowed in the repository path: 'Ubuntu' (position 0)"],
    ['foo//bar', "the repository path has an empty component (position 4): look for '//' or a trailing '/'"],
    ['foo/', "the repository path has an empty component (position 4): look for '//' or a trailing '/'"],
    ['-foo', "a path component must start and end with a lowercase letter or digit: '-foo' (position 0)"],
    ['a..b', "the separator '..' in 'a..b' is not allowed (position 1); use one '.', one or two '_', or '-'"],
    [
      'a___b',
      "the separator '___' in 'a___b' is not allowed (position 1); use one '.', one or two '_', or '-'",
    ],
    ['a+b', "'+' is not allowed in the repository path: 'a+b' (position 1)"],
    [' ubuntu', "a space is not allowed in the repository path: ' ubuntu' (position 0)"],
    ['app:', "the tag after ':' is empty (position 4)"],
    ['app:.x', "a tag must start with a letter, digit or '_', not '.': '.x' (position 4)"],
    ['app:-x', "a tag must start with a letter, digit or '_', not '-': '-x' (position 4)"],
    [
      'app:a+b',
      "'+' is not allowed in the tag 'a+b' (position 5); a tag allows letters, digits, '_', '.' and '-'",
    ],
    [':tag', "the reference has no repository name before ':' (position 0)"],
    ['@sha256:x', "the reference has no repository name before '@' (position 0)"],
    ['app@sha256:abc', 'a sha256 digest has exactly 64 hex digits, this one has 3 (position 11)'],
    [`app@sha256:${'A'.repeat(64)}`, "a sha256 digest must be lowercase hex, not 'A' (position 11)"],
    [
      `app@md5:${'a'.repeat(32)}`,
      "the digest algorithm 'md5' is not supported (position 4); use sha256, sha384 or sha512",
    ],
    [
      'app@latest',
      "the digest after '@' needs the form 'algorithm:hex', e.g. 'sha256:…': 'latest' (position 4)",
    ],
    [`a@sha256:${HEX64}@x`, `only one '@' may separate the digest (position ${9 + 64})`],
    [
      'exa_mple.com/app',
      "the registry host 'exa_mple.com' contains '_' (position 3); a host allows letters, digits, '-' and '.'",
    ],
    ['-bad.com/app', "a label of the registry host may not start or end with '-': '-bad' (position 0)"],
    ['a..com/app', "the registry host 'a..com' has an empty label (position 2)"],
    ['host:port/app', "the port in 'host:port' must be digits only, not 'port' (position 5)"],
    ['host:/app', "the port after 'host:' is empty (position 5)"],
    ['[::g]/app', "the IPv6 address '[::g]' may contain only hex digits and ':', not 'g' (position 3)"],
    ['[::1/app', "the IPv6 address in '[::1' has no closing ']' (position 0)"],
  ])('%j', (input, message) => {
    const r = parseReference(input);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toBe(message);
  });

  it('reports the offset of the offending part', () => {
    const r = parseReference('registry.example.com/team/Bad:1');
    expect(r).toMatchObject({ kind: 'error', position: 26 });
  });
});

describe('formatReference', () => {
  it('writes back what it parsed', () => {
    for (const input of ['ubuntu', 'localhost:5000/a/b:1', `x/y:t@sha256:${HEX64}`]) {
      const r = parseReference(input);
      if (r.kind !== 'name') throw new Error(`not a name: ${input}`);
      expect(formatReference(r)).toBe(input);
    }
  });
});
