import { DEFAULT_TAG } from './reference-normalize';
import type { PodmanCandidate } from './resolve-podman';
import { saidList, type SaidList } from '../model/said';
import { byInnerComponents, byRepository, bySuffix } from './resolve-store';
import type { IdMatch, StoredName } from './resolve-store';
import { phrase, renderPhrase, type Phrase } from './resolve-sentences';

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

const shown = (names: readonly StoredName[]): SaidList => saidList(names.map((s) => s.original));

function otherTags(q: MissQuery, names: readonly StoredName[]): Phrase {
  if (q.tagImplied)
    return phrase('latest-only', { tag: DEFAULT_TAG, written: q.written, names: shown(names) });
  return phrase('other-tags', { written: q.written, names: shown(names), tag: q.tag ?? '' });
}

/** Sentences for a name that matched nothing: the nearest names in the store and the rule that kept them out. */
export function explainMiss(store: readonly StoredName[], q: MissQuery): Phrase[] {
  const out: Phrase[] = [];
  const sameRepository = byRepository(store, q.repository);
  const sameEnding = q.short ? bySuffix(store, q.written, null) : [];
  if (q.engine === 'podman' && sameEnding.length > 0) {
    out.push(otherTags(q, sameEnding));
  } else if (sameRepository.length > 0) {
    out.push(otherTags(q, sameRepository));
  } else if (q.engine === 'docker' && sameEnding.length > 0) {
    const names = shown(sameEnding);
    out.push(phrase('docker-hub-short', { written: q.written, repository: q.repository, names }));
  }
  const inner = byInnerComponents(store, q.written);
  if (inner.length > 0 && q.short && q.engine === 'podman') {
    out.push(phrase('inner-components', { written: q.written, names: shown(inner) }));
  }
  if (out.length === 0) out.push(phrase('no-similar', { written: q.written }));
  return out;
}

/** Why podman tries a candidate, as a phrase. */
export function sourcePhrase(candidate: PodmanCandidate): Phrase {
  if (candidate.source !== 'search-registry') return phrase(`source-${candidate.source}`);
  return phrase('source-search-registry', { registry: candidate.name.slice(0, candidate.name.indexOf('/')) });
}

export function describeSource(candidate: PodmanCandidate): string {
  return renderPhrase(sourcePhrase(candidate));
}

/** The sentence for an ID prefix that started several IDs (both engines then match none). */
export function explainAmbiguousId(prefix: string, match: IdMatch): Phrase | null {
  if (match.kind !== 'ambiguous') return null;
  const ids = match.ids.map((id) => id.slice(0, id.indexOf(':') + 13));
  return phrase('id-prefix-many', { prefix, count: match.ids.length, ids: saidList(ids) });
}
