import { formatReference, nameOf, parseReference } from './reference';
import { normalizeReference } from './reference-normalize';
import type { RegistriesConf } from './registries-conf';
import { describeSource, explainAmbiguousId, explainMiss } from './resolve-explain';
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

export type Engine = 'docker' | 'podman';

/** What a local lookup found (names as given in `available`, or "sha256:<hex>" IDs) and why, in sentences. */
export interface LocalLookup {
  readonly matches: string[];
  readonly explanation: string[];
}

function byId(ids: readonly string[], id: string, input: string): LocalLookup {
  const found = ids.map(canonicalId).includes(id);
  if (found) return { matches: [id], explanation: [`'${input}' is the full image ID ${id}`] };
  return { matches: [], explanation: [`no image has the ID ${id}`] };
}

function byIdPrefix(ids: readonly string[], prefix: string, input: string): LocalLookup | string | null {
  const match = matchIdPrefix(ids, prefix);
  if (match.kind === 'one') {
    return {
      matches: [match.id],
      explanation: [`'${input}' is the start of exactly one image ID, ${match.id}`],
    };
  }
  return explainAmbiguousId(input, match);
}

/**
 * Docker (daemon/images GetImage): the name in Docker's full form must be present exactly, or the input must
 * be an image ID or the start of exactly one. There is no search list and no alias.
 */
function lookupDocker(input: string, store: readonly StoredName[], ids: readonly string[]): LocalLookup {
  const n = normalizeReference(input);
  if (n.kind === 'error') return { matches: [], explanation: [`Docker refuses '${input}': ${n.message}`] };
  if (n.kind === 'id') return byId(ids, n.id, input);
  const hits = byFullName(store, n.normalized);
  if (hits.length > 0) {
    return {
      matches: hits.map((h) => h.original),
      explanation: [`'${input}' means ${n.normalized}, which is present`],
    };
  }
  const prefix = byIdPrefix(ids, input.replace(/^sha256:/, ''), input);
  if (prefix !== null && typeof prefix !== 'string') return prefix;
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
  const head = [`'${input}' means ${n.normalized}, which is not present`];
  if (parsed.kind === 'name' && parsed.domain !== null && /[A-Z]/.test(parsed.domain)) {
    head.push(`'${parsed.domain}' has uppercase letters, so Docker reads it as a registry host`);
  }
  if (typeof prefix === 'string') head.push(prefix);
  return { matches: [], explanation: [...head, ...misses] };
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
): LocalLookup {
  const plan = planPodmanLookup(input, conf);
  if (plan.kind === 'invalid')
    return { matches: [], explanation: [`podman refuses '${input}': ${plan.message}`] };
  if (plan.kind === 'id') return byId(ids, `sha256:${plan.hex}`, input);
  const { name } = plan;
  const written = nameOf(name);
  if (plan.expansionError !== null) {
    const upper = name.domain !== null && /[A-Z]/.test(name.domain);
    const why = upper
      ? `'${name.domain}' has uppercase letters, so it cannot be part of a repository path, but without '.', ':' or 'localhost' podman does not take it for a registry either: with localhost or a search registry in front it becomes a path component, which is refused`
      : `podman cannot expand '${input}' into full names: ${plan.expansionError}`;
    return { matches: [], explanation: [why, `'${input}' is not known to podman`] };
  }
  const total = plan.candidates.length;
  for (const [i, candidate] of plan.candidates.entries()) {
    const hits = byFullName(store, candidate.name);
    if (hits.length > 0) {
      const how = `candidate ${i + 1} of ${total}, ${candidate.name} (${describeSource(candidate)})`;
      return { matches: hits.map((h) => h.original), explanation: [`found as ${how}`] };
    }
  }
  const tried = `tried ${[...new Set(plan.candidates.map((c) => c.name))].join(', ')}: none is present`;
  const text = formatReference(name);
  const exact = store.filter((s) => s.original === text);
  if (exact.length > 0)
    return { matches: [exact[0]!.original], explanation: [tried, `'${text}' is stored verbatim`] };
  const prefix = byIdPrefix(ids, text, input);
  if (prefix !== null && typeof prefix !== 'string') return prefix;
  const ambiguous = typeof prefix === 'string' ? [prefix] : [];
  if (name.digest !== null) {
    const digested = byDigest(store, name.digest);
    if (digested.length > 0) {
      return {
        matches: [digested[0]!.original],
        explanation: [tried, `${digested[0]!.original} has the digest ${name.digest}`],
      };
    }
    return { matches: [], explanation: [tried, ...ambiguous, `no image has the digest ${name.digest}`] };
  }
  const tag = suffixTag(name);
  if (plan.short) {
    const ending = bySuffix(store, written, tag)[0];
    if (ending !== undefined) {
      const rule = `${ending.original} ends with '${written}' at a '/' boundary and has the tag '${tag}'`;
      return { matches: [ending.original], explanation: [tried, rule] };
    }
  } else {
    ambiguous.push(`'${written}' has a registry, so podman looks for that exact name only`);
  }
  const misses = explainMiss(store, {
    engine: 'podman',
    written,
    repository: repositoryOf(plan.candidates[0]?.name ?? written),
    tag,
    tagImplied: name.tag === null,
    short: plan.short,
  });
  return { matches: [], explanation: [tried, ...ambiguous, ...misses] };
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
  return engine === 'docker' ? lookupDocker(input, store, ids) : lookupPodman(input, conf, store, ids);
}
