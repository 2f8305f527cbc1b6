/**
 * `docker://HOST[:PORT]/REPO[:TAG|@DIGEST]`, as skopeo writes registry references. The host is always
 * named (no search of short names): the index records exactly where an image came from.
 */
export interface RegistryReference {
  /** HOST[:PORT] as written. */
  readonly host: string;
  /** Where the API is: Docker Hub's API host for docker.io. */
  readonly apiHost: string;
  readonly repository: string;
  /** A tag, or null when a digest is given. */
  readonly tag: string | null;
  readonly digest: string | null;
}

const PREFIX = 'docker://';

export function parseRegistryReference(text: string): RegistryReference {
  const bad = (why: string) =>
    new Error(`${text} is not a registry reference (${why}): write docker://HOST[:PORT]/REPO[:TAG|@DIGEST].`);
  if (!text.startsWith(PREFIX)) throw bad('no docker:// prefix');
  const rest = text.slice(PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) throw bad('no host');
  const host = rest.slice(0, slash);
  let path = rest.slice(slash + 1);
  let digest: string | null = null;
  const at = path.indexOf('@');
  if (at >= 0) {
    digest = path.slice(at + 1);
    path = path.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw bad('the digest is not sha256:<64 hex digits>');
  }
  let tag: string | null = null;
  const colon = path.lastIndexOf(':');
  if (colon > path.lastIndexOf('/')) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) throw bad('the tag has characters a tag cannot hold');
  }
  if (!/^[a-z0-9]+(?:[._-]+[a-z0-9]+|__)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path))
    throw bad('the repository name is not lower-case letters, digits and separators');
  const hub = host === 'docker.io' || host === 'index.docker.io';
  return {
    host,
    apiHost: hub ? 'registry-1.docker.io' : host,
    repository: hub && !path.includes('/') ? `library/${path}` : path,
    tag: digest === null ? (tag ?? 'latest') : tag,
    digest,
  };
}

/** The name the image gets in the index: HOST/REPO:TAG, or HOST/REPO@DIGEST. */
export function referenceName(ref: RegistryReference): string {
  const repo = `${ref.host}/${ref.repository}`;
  return ref.digest !== null ? `${repo}@${ref.digest}` : `${repo}:${ref.tag ?? 'latest'}`;
}
