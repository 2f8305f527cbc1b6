import { describe, expect, it } from 'vitest';
import { parseReference } from './reference';

/**
 * distribution/reference's ReferenceRegexp (regexp.go), composed the same way, as the oracle for a
 * property test of the hand-written parser. `[[:xdigit:]]` is spelt out for JavaScript.
 */
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|\\[(?:[a-fA-F0-9:]+)\\])`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const namePat = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const REFERENCE = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digestPat}))?$`);

/** go-digest's Validate after the regexp: a registered algorithm and its exact lowercase hex length. */
const REGISTERED_DIGEST = /^(sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/;

function oracleAccepts(input: string): boolean {
  const m = REFERENCE.exec(input);
  return m !== null && (m[3] === undefined || REGISTERED_DIGEST.test(m[3]));
}

/**
 * The one place the parser is stricter on purpose: a first component with '.' that is not a valid host
 * ("a_b.c/app"). The regexp then reads it as a path; Docker's splitDockerDomain has already called it a
 * domain, so the name would end up with no registry at all. The parser says the host is invalid instead.
 */
function strictOnPurpose(input: string): boolean {
  const slash = input.indexOf('/');
  return slash > 0 && input.slice(0, slash).includes('.') && input.slice(0, slash).includes('_');
}

/** A small deterministic generator (mulberry32), so that a failure names a reproducible input. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'a',
  'b',
  '0',
  '9',
  'A',
  '.',
  '_',
  '__',
  '-',
  '/',
  ':',
  '@',
  '[',
  ']',
  ':5000',
  'localhost',
  `sha256:${'c'.repeat(64)}`,
];

function generate(next: () => number): string {
  let out = '';
  const length = 1 + Math.floor(next() * 12);
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(next() * PIECES.length)]!;
  return out;
}

describe('parseReference against the regexp of regexp.go', () => {
  it('accepts exactly what the regexp and go-digest accept, for 20,000 generated strings', () => {
    const next = random(20240607);
    const disagreements: string[] = [];
    let accepted = 0;
    for (let i = 0; i < 20000; i++) {
      const input = generate(next);
      if (strictOnPurpose(input)) continue;
      const ours = parseReference(input).kind !== 'error';
      if (ours) accepted++;
      if (ours !== oracleAccepts(input)) disagreements.push(`${input} → ours ${ours}`);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // The generator must reach valid names often enough for the comparison to mean something.
    expect(accepted).toBeGreaterThan(500);
  });

  it('is stricter than the regexp only for a first component with both . and _', () => {
    expect(oracleAccepts('a_b.c/app')).toBe(true);
    expect(parseReference('a_b.c/app')).toMatchObject({
      kind: 'error',
      message:
        "the registry host 'a_b.c' contains '_' (position 1); a host allows letters, digits, '-' and '.'",
    });
  });
});
