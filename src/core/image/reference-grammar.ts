/**
 * The pieces of the image-reference grammar of distribution/reference (regexp.go), checked by hand so that
 * every failure can say which part is wrong and where. Each check takes the piece and the offset at which it
 * starts in the user's input, and returns a Problem, or null when the piece is valid.
 */

import { phrase, renderPhrase, type Phrase, type ResolveSentenceName } from './resolve-sentences';

/** distribution/reference: RepositoryNameTotalLengthMax, applied to the path only (the domain is excluded since aaca75e). */
export const MAX_PATH_LENGTH = 255;

/** regexp.go `tag`: `[\w][\w.-]{0,127}`. */
export const MAX_TAG_LENGTH = 128;

/** go-digest's registered algorithms and the exact length of their lowercase hex encodings. */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** A sentence saying what is wrong (also by name), and the 0-based offset in the user's input where it is. */
export interface Problem {
  readonly message: string;
  readonly position: number;
  readonly sentence: Phrase;
}

/** The problem named `name`, at `position` (also the sentence's `{{at}}`). */
export function problem(name: ResolveSentenceName, params: Phrase['params'], position: number): Problem {
  const sentence = phrase(name, { ...params, at: position });
  return { message: renderPhrase(sentence), position, sentence };
}

const isLowerAlnum = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
const isAlnum = (c: string): boolean => isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
const isWordChar = (c: string): boolean => isAlnum(c) || c === '_';
const isHex = (c: string): boolean =>
  (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

/** How a character looks inside an error sentence: visible even when it is a space or a control character. */
export function showChar(c: string): Phrase {
  if (c === ' ') return phrase('char-space');
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f)
    return phrase('char-control', { code: code.toString(16).padStart(4, '0') });
  return phrase('char', { c });
}

/** regexp.go `domainNameComponent`: letters (any case), digits and inner '-'. */
function checkHostLabel(label: string, at: number, host: string): Problem | null {
  if (label === '') return problem('host-empty-label', { host }, at);
  for (let i = 0; i < label.length; i++) {
    const c = label[i]!;
    if (!isAlnum(c) && c !== '-') {
      return problem('host-char', { host, char: showChar(c) }, at + i);
    }
  }
  if (label.startsWith('-') || label.endsWith('-')) {
    return problem('host-dash', { label }, at);
  }
  return null;
}

/** regexp.go `domainAndPort`: a host name, an IPv4 address or a bracketed IPv6 address, then an optional `:port`. */
export function checkDomain(domain: string, at: number): Problem | null {
  let host = domain;
  let port: string | null = null;
  if (domain.startsWith('[')) {
    const close = domain.indexOf(']');
    if (close < 0) return problem('ipv6-unclosed', { domain }, at);
    const inner = domain.slice(1, close);
    if (inner === '') return problem('ipv6-empty', { domain }, at);
    for (let i = 0; i < inner.length; i++) {
      const c = inner[i]!;
      if (!isHex(c) && c !== ':') {
        const address = domain.slice(0, close + 1);
        return problem('ipv6-char', { address, char: showChar(c) }, at + 1 + i);
      }
    }
    host = domain.slice(0, close + 1);
    const rest = domain.slice(close + 1);
    if (rest !== '') {
      if (!rest.startsWith(':')) {
        return problem('ipv6-rest', { rest }, at + close + 1);
      }
      port = rest.slice(1);
    }
  } else {
    const colon = domain.indexOf(':');
    if (colon >= 0) {
      host = domain.slice(0, colon);
      port = domain.slice(colon + 1);
    }
    if (host === '') return problem('registry-no-host', { domain }, at);
    let start = 0;
    for (const label of host.split('.')) {
      const problem = checkHostLabel(label, at + start, host);
      if (problem !== null) return problem;
      start += label.length + 1;
    }
  }
  if (port !== null) {
    const portAt = at + host.length + 1;
    if (port === '') return problem('port-empty', { host }, portAt);
    for (let i = 0; i < port.length; i++) {
      if (!(port[i]! >= '0' && port[i]! <= '9')) {
        return problem('port-digits', { domain, port }, portAt);
      }
    }
  }
  return null;
}

/**
 * regexp.go `pathComponent`: lowercase letters and digits, joined by one '.', one or two '_', or any number of
 * '-'. Uppercase is reported on its own because it is by far the most common mistake.
 */
export function checkPathComponent(component: string, at: number): Problem | null {
  if (component === '') {
    return problem('path-empty-component', {}, at);
  }
  if (/[A-Z]/.test(component)) {
    return problem('path-uppercase', { component }, at);
  }
  for (let i = 0; i < component.length; i++) {
    const c = component[i]!;
    if (!isLowerAlnum(c) && c !== '.' && c !== '_' && c !== '-') {
      return problem('path-char', { char: showChar(c), component }, at + i);
    }
  }
  if (!isLowerAlnum(component[0]!) || !isLowerAlnum(component[component.length - 1]!)) {
    return problem('path-ends', { component }, at);
  }
  const separator = /[._-]+/g;
  for (let m = separator.exec(component); m !== null; m = separator.exec(component)) {
    const run = m[0];
    if (run === '.' || run === '_' || run === '__' || /^-+$/.test(run)) continue;
    return problem('path-separator', { run, component }, at + m.index);
  }
  return null;
}

/** regexp.go `tag`: 1 to 128 word characters, '.' or '-', not starting with '.' or '-'. */
export function checkTag(tag: string, at: number): Problem | null {
  if (tag === '') return problem('tag-empty', {}, at);
  if (tag.length > MAX_TAG_LENGTH) {
    return problem('tag-too-long', { length: tag.length, max: MAX_TAG_LENGTH }, at);
  }
  if (!isWordChar(tag[0]!)) {
    return problem('tag-start', { char: showChar(tag[0]!), tag }, at);
  }
  for (let i = 1; i < tag.length; i++) {
    const c = tag[i]!;
    if (!isWordChar(c) && c !== '.' && c !== '-') {
      return problem('tag-char', { char: showChar(c), tag }, at + i);
    }
  }
  return null;
}

/**
 * regexp.go `digestPat` for the shape, then go-digest's Validate: only registered algorithms, each with its
 * exact lowercase hex length (sha256: 64). Docker and podman both reject any other algorithm.
 */
export function checkDigest(digest: string, at: number): Problem | null {
  const colon = digest.indexOf(':');
  if (colon < 0) return problem('digest-form', { digest }, at);
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*$/.test(algorithm)) {
    return problem('digest-algorithm-form', { algorithm }, at);
  }
  const expected = DIGEST_HEX_LENGTH[algorithm];
  if (expected === undefined) {
    return problem('digest-algorithm', { algorithm }, at);
  }
  const hexAt = at + colon + 1;
  for (let i = 0; i < hex.length; i++) {
    const c = hex[i]!;
    if (!isHex(c)) return problem('digest-not-hex', { char: showChar(c) }, hexAt + i);
    if (c >= 'A' && c <= 'F') return problem('digest-uppercase', { algorithm, c }, hexAt + i);
  }
  if (hex.length !== expected) {
    return problem('digest-length', { algorithm, expected, length: hex.length }, hexAt);
  }
  return null;
}

/** regexp.go `identifier`: 64 lowercase hex digits, an image ID written without its algorithm. */
export function isFullIdentifier(value: string): boolean {
  return /^[a-f0-9]{64}$/.test(value);
}
