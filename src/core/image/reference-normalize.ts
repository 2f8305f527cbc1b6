import { MAX_PATH_LENGTH, checkDigest, isFullIdentifier } from './reference-grammar';
import { formatReference, isReferenceError, parseReference } from './reference';
import type { ReferenceError } from './reference';
import { phrase, renderPhrase, type Phrase } from './resolve-sentences';

/** Docker Hub's canonical domain and its legacy alias (normalize.go: defaultDomain, legacyDefaultDomain). */
export const DOCKER_HUB = 'docker.io';
const LEGACY_DOCKER_HUB = 'index.docker.io';
/** Docker Hub's namespace for official images (normalize.go: officialRepoPrefix). */
const OFFICIAL_NAMESPACE = 'library/';
export const DEFAULT_TAG = 'latest';

/** A part of the full name that the user did not write and Docker's normalisation added. */
export type ImpliedPart = 'registry' | 'namespace' | 'tag';

/** A name in the form Docker stores and pulls it (ParseDockerRef): registry, path, and a tag or a digest. */
export interface NormalizedName {
  readonly kind: 'name';
  readonly input: string;
  readonly registry: string;
  /** Repository path without the registry, e.g. "library/ubuntu". */
  readonly path: string;
  /** The tag as written, or "latest" when neither a tag nor a digest was given. */
  readonly tag: string | null;
  readonly digest: string | null;
  /** The full name, e.g. "docker.io/library/ubuntu:latest"; with a digest, the tag is dropped. */
  readonly normalized: string;
  /** What `docker images` prints, e.g. "ubuntu:latest". */
  readonly familiar: string;
  readonly implied: readonly ImpliedPart[];
  /** Rewrites that are not additions, in a user's words (the legacy Hub domain, an ignored tag). */
  readonly notes: readonly string[];
  /** The same notes as named phrases, for the page to say in its language. */
  readonly noteSentences: readonly Phrase[];
}

/** An image ID: a bare 64-hex string or a full digest (ParseAnyReference reads both as IDs). */
export interface NormalizedId {
  readonly kind: 'id';
  readonly input: string;
  /** "sha256:<hex>". */
  readonly id: string;
}

export type NormalizedReference = NormalizedName | NormalizedId;

/** normalize.go familiarizeName: drop "docker.io/", then "library/" when no other '/' remains. */
export function familiarName(registry: string, path: string): string {
  if (registry !== DOCKER_HUB) return `${registry}/${path}`;
  const rest = path.startsWith(OFFICIAL_NAMESPACE) ? path.slice(OFFICIAL_NAMESPACE.length) : path;
  return rest.includes('/') ? path : rest;
}

/**
 * Docker's reading of a name (normalize.go ParseAnyReference → ParseNormalizedNamed → ParseDockerRef):
 * an ID stays an ID; a name gets docker.io when it has no domain, library/ when it is a one-component Hub
 * name, and :latest when it has neither a tag nor a digest. With both, the digest wins.
 */
export function normalizeReference(input: string): NormalizedReference | ReferenceError {
  if (isFullIdentifier(input)) return { kind: 'id', input, id: `sha256:${input}` };
  if (checkDigest(input, 0) === null) return { kind: 'id', input, id: input };
  const parsed = parseReference(input);
  if (isReferenceError(parsed)) return parsed;
  if (parsed.kind === 'id') return { kind: 'id', input, id: parsed.id };

  const implied: ImpliedPart[] = [];
  const noteSentences: Phrase[] = [];
  let registry = parsed.domain;
  if (registry === null) {
    registry = DOCKER_HUB;
    implied.push('registry');
  } else if (registry === LEGACY_DOCKER_HUB) {
    registry = DOCKER_HUB;
    noteSentences.push(phrase('note-legacy-hub', { legacy: LEGACY_DOCKER_HUB, hub: DOCKER_HUB }));
  }
  let path = parsed.path;
  if (registry === DOCKER_HUB && !path.includes('/')) {
    path = OFFICIAL_NAMESPACE + path;
    implied.push('namespace');
    if (path.length > MAX_PATH_LENGTH) {
      const params = { length: path.length, namespace: OFFICIAL_NAMESPACE, max: MAX_PATH_LENGTH };
      const sentence = phrase('path-too-long-library', params);
      return { kind: 'error', input, message: renderPhrase(sentence), position: 0, sentence };
    }
  }
  let tag = parsed.tag;
  const digest = parsed.digest;
  if (tag === null && digest === null) {
    tag = DEFAULT_TAG;
    implied.push('tag');
  } else if (tag !== null && digest !== null) {
    noteSentences.push(phrase('note-tag-ignored', { tag }));
  }
  const stored = { tag: digest === null ? tag : null, digest };
  return {
    kind: 'name',
    input,
    registry,
    path,
    tag,
    digest,
    normalized: formatReference({ domain: registry, path, ...stored }),
    familiar: formatReference({ domain: null, path: familiarName(registry, path), ...stored }),
    implied,
    notes: noteSentences.map(renderPhrase),
    noteSentences,
  };
}

/** Docker's full form of a name, or null when it is not a valid name (IDs are not names). */
export function dockerFullName(input: string): string | null {
  const normalized = normalizeReference(input);
  return normalized.kind === 'name' ? normalized.normalized : null;
}
