import { formatReference, nameOf, parseReference } from './reference';
import { normalizeReference } from './reference-normalize';
import type { RegistriesConf } from './registries-conf';
import { explainAmbiguousId, explainMiss, sourcePhrase } from './resolve-explain';
import { planPodmanLookup, suffixTag } from './resolve-podman';
import {
  byDigest,
  byFullName,
  bySuffix,
  canonicalId,
  indexNames,
  matchIdPrefix,
  repositoryOf,
} from './resolve-store';
import type { StoredName } from './resolve-store';
import { phrase, renderPhrase, type Phrase } from './resolve-sentences';
import { saidList } from '../model/said';

export type Engine = 'docker' | 'podman';

/** What a local lookup found (names as given in `available`, or "sha256:<hex>" IDs) and why, in sentences. */
export interface LocalLookup {
  readonly matches: string[];
  readonly explanation: string[];
  /** The same sentences by name, for the page to say in its language. */
  readonly explanationSentences: Phrase[];
}

/** What a lookup found, with its reasons as phrases. */
interface Found {
  readonly matches: string[];
  readonly said: Phrase[];
}

function byId(ids: readonly string[], id: string, input: string): Found {
  const found = ids.map(canonicalId).includes(id);
  if (found) return { matches: [id], said: [phrase('id-full', { input, id })] };
  return { matches: [], said: [phrase('id-none', { id })] };
}

function byIdPrefix(ids: readonly string[], prefix: string, input: string): Found | Phrase | null {
  const match = matchIdPrefix(ids, prefix);
  if (match.kind === 'one') {
    return { matches: [match.id], said: [phrase('id-prefix-one', { input, id: match.id })] };
  }
  return explainAmbiguousId(input, match);
}

/**
 * Docker (daemon/images GetImage): the name in Docker's full form must be present exactly, or the input must
 * be an image ID or the start of exactly one. There is no search list and no alias.
 */
function lookupDocker(input: string, store: readonly StoredName[], ids: readonly string[]): Found {
  const n = normalizeReference(input);
  if (n.kind === 'error')
    return { matches: [], said: [phrase('docker-refuses', { input, reason: n.sentence })] };
  if (n.kind === 'id') return byId(ids, n.id, input);
  const hits = byFullName(store, n.normalized);
  if (hits.length > 0) {
    return {
      matches: hits.map((h) => h.original),
      said: [phrase('docker-present', { input, name: n.normalized })],
    };
  }
  const prefix = byIdPrefix(ids, input.replace(/^sha256:/, ''), input);
  if (prefix !== null && 'matches' in prefix) return prefix;
  const parsed = parseReference(input);
  const written = parsed.kind === 'name' ? nameOf(parsed) : input;
  const misses = explainMiss(store, {
    engine: 'docker',
    written,
    repository: `${n.registry}/${n.path}`,
    tag: n.tag,
    tagImplied: n.implied.includes('tag'),
    short: n.implied.includes('registry'),
  });
  const head = [phrase('docker-absent', { input, name: n.normalized })];
  if (parsed.kind === 'name' && parsed.domain !== null && /[A-Z]/.test(parsed.domain)) {
    head.push(phrase('docker-upper-host', { domain: parsed.domain }));
  }
  if (prefix !== null) head.push(prefix);
  return { matches: [], said: [...head, ...misses] };
}

/**
 * podman (containers/common libimage LookupImage): the candidate names in order, then an image ID or its
 * start, then (short names only) a name that ends with the given one at a '/' boundary with an equal tag,
 * ":latest" when none was given (containers/common#836, containers/podman#12010).
 */
function lookupPodman(
  input: string,
  conf: RegistriesConf,
  store: readonly StoredName[],
  ids: readonly string[],
): Found {
  const plan = planPodmanLookup(input, conf);
  if (plan.kind === 'invalid')
    return { matches: [], said: [phrase('podman-refuses', { input, reason: plan.reason })] };
  if (plan.kind === 'id') return byId(ids, `sha256:${plan.hex}`, input);
  const { name } = plan;
  const written = nameOf(name);
  if (plan.expansionError !== null) {
    const upper = name.domain !== null && /[A-Z]/.test(name.domain);
    const why = upper
      ? phrase('podman-upper-host', { domain: name.domain })
      : phrase('podman-cannot-expand', { input, reason: plan.expansionError });
    return { matches: [], said: [why, phrase('podman-unknown', { input })] };
  }
  const total = plan.candidates.length;
  for (const [i, candidate] of plan.candidates.entries()) {
    const hits = byFullName(store, candidate.name);
    if (hits.length > 0) {
      const source = sourcePhrase(candidate);
      const found = phrase('podman-found', { n: i + 1, total, name: candidate.name, source });
      return { matches: hits.map((h) => h.original), said: [found] };
    }
  }
  const tried = phrase('podman-tried', {
    names: saidList([...new Set(plan.candidates.map((c) => c.name))], 'comma'),
  });
  const text = formatReference(name);
  const exact = store.filter((s) => s.original === text);
  if (exact.length > 0)
    return { matches: [exact[0]!.original], said: [tried, phrase('podman-verbatim', { name: text })] };
  const prefix = byIdPrefix(ids, text, input);
  if (prefix !== null && 'matches' in prefix) return prefix;
  const ambiguous = prefix !== null ? [prefix] : [];
  if (name.digest !== null) {
    const digested = byDigest(store, name.digest);
    if (digested.length > 0) {
      return {
        matches: [digested[0]!.original],
        said: [tried, phrase('podman-digest-found', { name: digested[0]!.original, digest: name.digest })],
      };
    }
    return {
      matches: [],
      said: [tried, ...ambiguous, phrase('podman-digest-none', { digest: name.digest })],
    };
  }
  const tag = suffixTag(name);
  if (plan.short) {
    const ending = bySuffix(store, written, tag)[0];
    if (ending !== undefined) {
      const rule = phrase('podman-suffix', { name: ending.original, written, tag });
      return { matches: [ending.original], said: [tried, rule] };
    }
  } else {
    ambiguous.push(phrase('podman-qualified', { written }));
  }
  const misses = explainMiss(store, {
    engine: 'podman',
    written,
    repository: repositoryOf(plan.candidates[0]?.name ?? written),
    tag,
    tagImplied: name.tag === null,
    short: plan.short,
  });
  return { matches: [], said: [tried, ...ambiguous, ...misses] };
}

/**
 * How `docker image inspect NAME` or `podman image inspect NAME` would find NAME among the images present.
 * `available` holds full names (familiar Docker RepoTags are read in Docker's full form); `ids` holds
 * "sha256:<hex>" image IDs.
 */
export function lookupLocal(
  input: string,
  engine: Engine,
  conf: RegistriesConf,
  available: readonly string[],
  ids: readonly string[] = [],
): LocalLookup {
  const store = indexNames(available);
  const found = engine === 'docker' ? lookupDocker(input, store, ids) : lookupPodman(input, conf, store, ids);
  return {
    matches: found.matches,
    explanation: found.said.map(renderPhrase),
    explanationSentences: found.said,
  };
}
