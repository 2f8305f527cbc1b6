import {
  MAX_PATH_LENGTH,
  checkDigest,
  checkDomain,
  checkPathComponent,
  checkTag,
  isFullIdentifier,
  problem as nameProblem,
  showChar,
} from './reference-grammar';
import type { Problem } from './reference-grammar';
import type { Phrase } from './resolve-sentences';

/**
 * An image reference as the user wrote it: `[domain/]path[:tag][@digest]` (distribution/reference,
 * reference.go). Nothing is added here; see normalizeReference for what Docker fills in.
 */
export interface ParsedName {
  readonly kind: 'name';
  readonly input: string;
  /** The registry part as written, or null when the first component is not one (see splitDomain). */
  readonly domain: string | null;
  /** The repository path without the domain, e.g. "ubi7/ubi". */
  readonly path: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

/** A bare 64-hex string: distribution/reference refuses it as a name, because it is an image ID. */
export interface ParsedId {
  readonly kind: 'id';
  readonly input: string;
  /** "sha256:<hex>". */
  readonly id: string;
}

export type ParsedReference = ParsedName | ParsedId;

/** What is wrong with a reference, and where: `position` is a 0-based character offset into the input. */
export interface ReferenceError {
  readonly kind: 'error';
  readonly input: string;
  readonly message: string;
  readonly position: number;
  /** The same sentence by name, for the page to say in its language. */
  readonly sentence: Phrase;
}

export function isReferenceError(value: ParsedReference | ReferenceError): value is ReferenceError {
  return value.kind === 'error';
}

function fail(input: string, { message, position, sentence }: Problem): ReferenceError {
  return { kind: 'error', input, message, position, sentence };
}

/**
 * splitDockerDomain's rule (normalize.go): with no '/' there is no domain; otherwise the first component is a
 * domain only if it is "localhost" or contains '.', ':' or an uppercase letter. Podman's IsShortName asks the
 * same question of the raw parse, so both engines agree on where the domain ends.
 */
export function splitDomain(name: string): { domain: string | null; path: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: null, path: name };
  const first = name.slice(0, slash);
  if (first === 'localhost' || /[.:A-Z]/.test(first)) return { domain: first, path: name.slice(slash + 1) };
  return { domain: null, path: name };
}

/**
 * Where the tag starts: the last ':' after the last '/'. A ':' before the first '/' belongs to a port, and a
 * name without '/' has no port ("localhost:5000" is the name "localhost" with the tag "5000").
 */
function tagColon(nameAndTag: string): number {
  const colon = nameAndTag.lastIndexOf(':');
  return colon > nameAndTag.lastIndexOf('/') ? colon : -1;
}

/** The raw grammar: checks every piece, adds nothing. A bare 64-hex string comes back as an image ID. */
export function parseReference(input: string): ParsedReference | ReferenceError {
  if (input === '') return fail(input, nameProblem('name-empty', {}, 0));
  if (isFullIdentifier(input)) return { kind: 'id', input, id: `sha256:${input}` };

  const at = input.indexOf('@');
  if (at >= 0 && input.indexOf('@', at + 1) >= 0) {
    const second = input.indexOf('@', at + 1);
    return fail(input, nameProblem('name-two-at', {}, second));
  }
  const nameAndTag = at >= 0 ? input.slice(0, at) : input;
  const digest = at >= 0 ? input.slice(at + 1) : null;
  const colon = tagColon(nameAndTag);
  const name = colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = colon >= 0 ? nameAndTag.slice(colon + 1) : null;

  if (name === '') {
    return fail(input, nameProblem('name-no-repository', { char: showChar(input[0]!) }, 0));
  }
  const { domain, path } = splitDomain(name);
  const problem = checkName(domain, path);
  if (problem !== null) return fail(input, problem);
  if (tag !== null) {
    const tagProblem = checkTag(tag, colon + 1);
    if (tagProblem !== null) return fail(input, tagProblem);
  }
  if (digest !== null) {
    const digestProblem = checkDigest(digest, at + 1);
    if (digestProblem !== null) return fail(input, digestProblem);
  }
  return { kind: 'name', input, domain, path, tag, digest };
}

function checkName(domain: string | null, path: string): Problem | null {
  const pathAt = domain === null ? 0 : domain.length + 1;
  if (domain !== null) {
    const problem = checkDomain(domain, 0);
    if (problem !== null) return problem;
  }
  let start = pathAt;
  for (const component of path.split('/')) {
    const problem = checkPathComponent(component, start);
    if (problem !== null) return problem;
    start += component.length + 1;
  }
  if (path.length > MAX_PATH_LENGTH) {
    return nameProblem('path-too-long', { length: path.length, max: MAX_PATH_LENGTH }, pathAt);
  }
  return null;
}

/** The name without tag or digest, as written: `[domain/]path`. */
export function nameOf(ref: { readonly domain: string | null; readonly path: string }): string {
  return ref.domain === null ? ref.path : `${ref.domain}/${ref.path}`;
}

/** The reference written back: `[domain/]path[:tag][@digest]`. */
export function formatReference(ref: {
  readonly domain: string | null;
  readonly path: string;
  readonly tag: string | null;
  readonly digest: string | null;
}): string {
  return `${nameOf(ref)}${ref.tag === null ? '' : `:${ref.tag}`}${ref.digest === null ? '' : `@${ref.digest}`}`;
}
