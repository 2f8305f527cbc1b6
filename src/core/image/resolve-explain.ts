import { DEFAULT_TAG } from './reference-normalize';
import type { PodmanCandidate } from './resolve-podman';
import { byInnerComponents, byRepository, bySuffix, listForSentence } from './resolve-store';
import type { IdMatch, StoredName } from './resolve-store';

/** What the engine looked for, in the terms the sentences need. */
export interface MissQuery {
  readonly engine: 'docker' | 'podman';
  /** The name as written, without tag or digest, e.g. "ubi7/ubi". */
  readonly written: string;
  /** The full repository the engine looked for first, e.g. "docker.io/ubi7/ubi". */
  readonly repository: string;
  readonly tag: string | null;
  readonly tagImplied: boolean;
  /** The user wrote no registry. */
  readonly short: boolean;
}

const shown = (names: readonly StoredName[]): string => listForSentence(names.map((s) => s.original));

function otherTags(q: MissQuery, names: readonly StoredName[]): string {
  if (q.tagImplied) {
    return `no image is tagged '${DEFAULT_TAG}'; '${q.written}' exists only as ${shown(names)} — a missing tag means ':${DEFAULT_TAG}'`;
  }
  return `'${q.written}' exists only as ${shown(names)}, not with the tag '${q.tag ?? ''}'`;
}

/** Sentences for a name that matched nothing: the nearest names in the store and the rule that kept them out. */
export function explainMiss(store: readonly StoredName[], q: MissQuery): string[] {
  const out: string[] = [];
  const sameRepository = byRepository(store, q.repository);
  const sameEnding = q.short ? bySuffix(store, q.written, null) : [];
  if (q.engine === 'podman' && sameEnding.length > 0) {
    out.push(otherTags(q, sameEnding));
  } else if (sameRepository.length > 0) {
    out.push(otherTags(q, sameRepository));
  } else if (q.engine === 'docker' && sameEnding.length > 0) {
    out.push(
      `Docker reads a name without a registry as Docker Hub, so '${q.written}' means ${q.repository}; the archive has ${shown(sameEnding)}`,
    );
  }
  const inner = byInnerComponents(store, q.written);
  if (inner.length > 0 && q.short && q.engine === 'podman') {
    out.push(`'${q.written}' appears inside ${shown(inner)}, but only a name's last components count`);
  }
  if (out.length === 0) out.push(`no image in the archive is named like '${q.written}'`);
  return out;
}

export function describeSource(candidate: PodmanCandidate): string {
  const registry = candidate.name.slice(0, candidate.name.indexOf('/'));
  switch (candidate.source) {
    case 'qualified':
      return 'the name as written, with its registry';
    case 'alias':
      return 'the short-name alias from registries.conf';
    case 'localhost':
      return 'localhost, where locally built images live';
    case 'search-registry':
      return `the search registry ${registry}`;
    case 'docker-hub':
      return 'the Docker Hub normalisation';
  }
}

/** The sentence for an ID prefix that started several IDs (both engines then match none). */
export function explainAmbiguousId(prefix: string, match: IdMatch): string | null {
  if (match.kind !== 'ambiguous') return null;
  const ids = match.ids.map((id) => id.slice(0, id.indexOf(':') + 13));
  return `'${prefix}' is the start of ${match.ids.length} image IDs (${listForSentence(ids)}…); give more characters`;
}
