import { formatReference, isReferenceError, parseReference } from './reference';
import type { ParsedName } from './reference';
import { isFullIdentifier } from './reference-grammar';
import { DEFAULT_TAG, normalizeReference } from './reference-normalize';
import { isQualifiedDomain } from './registries-conf';
import type { RegistriesConf } from './registries-conf';
import { phrase, renderPhrase, type Phrase } from './resolve-sentences';
import { saidList } from '../model/said';

/** Why podman tries a name: the user's qualified name, an alias, localhost, a search registry, or Docker Hub. */
export type CandidateSource = 'qualified' | 'alias' | 'localhost' | 'search-registry' | 'docker-hub';

export interface PodmanCandidate {
  readonly name: string;
  readonly source: CandidateSource;
}

/**
 * How podman's local lookup (containers/common libimage/runtime.go LookupImage) reads a name before it
 * looks at any image: a refusal, a full image ID, or a name with the list of full names to try.
 */
export type PodmanPlan =
  /** The reason: a named phrase, or the grammar's own sentence. */
  | { readonly kind: 'invalid'; readonly reason: Phrase | string }
  | { readonly kind: 'id'; readonly hex: string }
  | {
      readonly kind: 'name';
      /** The name as podman looks it up: a tag next to a digest is dropped first (Docker compatibility). */
      readonly name: ParsedName;
      readonly short: boolean;
      readonly candidates: readonly PodmanCandidate[];
      /** Set when the short-name expansion failed; podman then reports the image unknown at once. */
      readonly expansionError: Phrase | string | null;
    };

/** pkg/shortnames IsShortName: no registry ('.', ':' or localhost) in the first component. */
export function isShortName(name: ParsedName): boolean {
  return !isQualifiedDomain(name.domain);
}

/** reference.ParseNormalizedNamed + TagNameOnly: Docker's full form of one candidate. */
function fullName(text: string): { name: string } | { error: Phrase | string } {
  const normalized = normalizeReference(text);
  if (normalized.kind === 'error') return { error: normalized.sentence };
  if (normalized.kind === 'id') return { error: phrase('id-not-name', { text }) };
  return { name: normalized.normalized };
}

function withTagAndDigest(base: string, name: ParsedName): string {
  return `${base}${name.tag === null ? '' : `:${name.tag}`}${name.digest === null ? '' : `@${name.digest}`}`;
}

/**
 * pkg/shortnames ResolveLocally, then LookupImage's Docker-compatible extra candidate: the alias first, then
 * localhost, then each search registry, then the docker.io normalisation. Repeats are kept, because podman
 * tries them again. Observed with podman 4.3.1 (--log-level debug, "Trying …"): with the Fedora search list and
 * the alias fedora → registry.fedoraproject.org/fedora, `fedora:39` tries registry.fedoraproject.org/fedora:39,
 * localhost/fedora:39, the four search registries, then docker.io/library/fedora:39 again.
 */
function expand(
  name: ParsedName,
  conf: RegistriesConf,
): { candidates: PodmanCandidate[]; error: Phrase | string | null } {
  const text = formatReference(name);
  const candidates: PodmanCandidate[] = [];
  const add = (candidate: string, source: CandidateSource): void => {
    candidates.push({ name: candidate, source });
  };
  if (!isShortName(name)) {
    const full = fullName(text);
    if ('error' in full) return { candidates: [], error: full.error };
    add(full.name, 'qualified');
  } else {
    const alias = conf.aliases.get(name.domain === null ? name.path : `${name.domain}/${name.path}`);
    if (alias !== undefined) {
      const full = fullName(withTagAndDigest(alias, name));
      if ('error' in full) return { candidates: [], error: full.error };
      add(full.name, 'alias');
    }
    for (const registry of ['localhost', ...conf.unqualifiedSearchRegistries]) {
      const full = fullName(`${registry}/${text}`);
      if ('error' in full) return { candidates: [], error: full.error };
      add(full.name, registry === 'localhost' ? 'localhost' : 'search-registry');
    }
  }
  const docker = fullName(text);
  if ('name' in docker) add(docker.name, 'docker-hub');
  return { candidates, error: null };
}

export function planPodmanLookup(input: string, conf: RegistriesConf): PodmanPlan {
  const parsed = parseReference(input);
  if (isReferenceError(parsed)) return { kind: 'invalid', reason: parsed.sentence };
  if (parsed.kind === 'id') return { kind: 'id', hex: parsed.id.slice('sha256:'.length) };
  // normalizeTaggedDigestedString: "fedora:latest@sha256:…" is looked up as "fedora@sha256:…".
  const name: ParsedName = parsed.digest !== null && parsed.tag !== null ? { ...parsed, tag: null } : parsed;
  const text = formatReference(name);
  if (text.startsWith('sha256:')) {
    const hex = text.slice('sha256:'.length);
    if (!isFullIdentifier(hex)) {
      return { kind: 'invalid', reason: phrase('not-full-id', { input }) };
    }
    return { kind: 'id', hex };
  }
  const { candidates, error } = expand(name, conf);
  return { kind: 'name', name, short: isShortName(name), candidates, expansionError: error };
}

/** The full names podman tries, in order, before it looks at image IDs and at name endings. */
export function podmanCandidates(input: string, conf: RegistriesConf): string[] {
  const plan = planPodmanLookup(input, conf);
  return plan.kind === 'name' ? plan.candidates.map((c) => c.name) : [];
}

/** The tag podman's last-resort suffix match requires: the given one, else "latest" (TagNameOnly). */
export function suffixTag(name: ParsedName): string {
  return name.tag ?? DEFAULT_TAG;
}

/**
 * What `podman pull NAME` would do (pkg/shortnames Resolve): an alias or a qualified name is used as is;
 * otherwise the search registries, with short-name-mode deciding between asking, failing and trying all.
 */
export function podmanPullPhrase(input: string, conf: RegistriesConf): Phrase {
  const plan = planPodmanLookup(input, conf);
  if (plan.kind === 'invalid') return phrase('pull-refuses', { reason: plan.reason });
  if (plan.kind === 'id') return phrase('pull-id');
  const first = plan.candidates[0];
  if (plan.expansionError !== null || first === undefined) return phrase('pull-cannot-expand');
  if (!plan.short) return phrase('pull-fetches', { name: first.name });
  if (first.source === 'alias') return phrase('pull-alias', { name: first.name });
  const search = conf.unqualifiedSearchRegistries;
  if (search.length === 0) return phrase('pull-no-search');
  const registries = plan.candidates.filter((c) => c.source === 'search-registry').map((c) => c.name);
  if (registries.length === 1) return phrase('pull-only-search', { name: registries[0]! });
  return phrase(`pull-${conf.shortNameMode}`, { names: saidList(registries, 'comma') });
}

export function describePodmanPull(input: string, conf: RegistriesConf): string {
  return renderPhrase(podmanPullPhrase(input, conf));
}
