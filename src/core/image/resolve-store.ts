import { normalizeReference } from './reference-normalize';

/** One image name present in an archive or store, with its parts in Docker's full form. */
export interface StoredName {
  /** As given by the caller (a RepoTag may be familiar: "ubuntu:latest"). */
  readonly original: string;
  /** Docker's full form, e.g. "docker.io/library/ubuntu:latest". */
  readonly full: string;
  /** Registry and path without tag or digest, e.g. "docker.io/library/ubuntu". */
  readonly repository: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

/**
 * Names are compared in Docker's full form: podman stores them that way, and Docker archives list familiar
 * RepoTags that mean the same. A name that does not parse is kept verbatim so that it can still match itself.
 */
export function indexNames(available: readonly string[]): StoredName[] {
  return available.map((original) => {
    const n = normalizeReference(original);
    if (n.kind !== 'name') return { original, full: original, repository: original, tag: null, digest: null };
    const repository = `${n.registry}/${n.path}`;
    // With a digest the name is stored by digest alone (ParseDockerRef), so it has no tag to compare.
    return {
      original,
      full: n.normalized,
      repository,
      tag: n.digest === null ? n.tag : null,
      digest: n.digest,
    };
  });
}

/** "docker.io/library/ubuntu" from "docker.io/library/ubuntu:latest" or "…@sha256:…". */
export function repositoryOf(full: string): string {
  const name = full.split('@')[0]!;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}

export function byFullName(store: readonly StoredName[], full: string): StoredName[] {
  return store.filter((s) => s.full === full);
}

export type IdMatch =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly id: string }
  | { readonly kind: 'ambiguous'; readonly ids: readonly string[] };

/** "sha256:<hex>" for any way an ID may be written (bare hex or with the algorithm). */
export function canonicalId(id: string): string {
  return id.includes(':') ? id : `sha256:${id}`;
}

/**
 * A unique ID prefix (Docker's digestset.Lookup, containers/storage's truncindex): any number of hex digits
 * that start exactly one ID; a prefix shared by several IDs matches none. Docker's containerd image store
 * asks for at least 4 digits; the classic store, followed here, for one.
 */
export function matchIdPrefix(ids: readonly string[], prefix: string): IdMatch {
  if (!/^[0-9a-f]+$/.test(prefix)) return { kind: 'none' };
  const found = [...new Set(ids.map(canonicalId))].filter((id) =>
    id.slice(id.indexOf(':') + 1).startsWith(prefix),
  );
  if (found.length === 0) return { kind: 'none' };
  if (found.length === 1) return { kind: 'one', id: found[0]! };
  return { kind: 'ambiguous', ids: found };
}

/** libimage inRepoTags: the repository ends with `name` at a '/' boundary (or equals it). */
export function endsAtBoundary(repository: string, name: string): boolean {
  if (!repository.endsWith(name)) return false;
  return repository.length === name.length || repository[repository.length - name.length - 1] === '/';
}

/** Names whose repository ends with `name` at a '/' boundary; with a tag, only those with that tag. */
export function bySuffix(store: readonly StoredName[], name: string, tag: string | null): StoredName[] {
  return store.filter((s) => endsAtBoundary(s.repository, name) && (tag === null || s.tag === tag));
}

/** Names that contain `name` as whole components, but not at the end ("ubi7" in "…/ubi7/ubi"). */
export function byInnerComponents(store: readonly StoredName[], name: string): StoredName[] {
  return store.filter((s) => `${s.repository}/`.includes(`/${name}/`) && !endsAtBoundary(s.repository, name));
}

export function byRepository(store: readonly StoredName[], repository: string): StoredName[] {
  return store.filter((s) => s.repository === repository);
}

export function byDigest(store: readonly StoredName[], digest: string): StoredName[] {
  return store.filter((s) => s.digest === digest);
}
