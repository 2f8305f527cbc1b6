/**
 * Image references and how Docker and podman resolve them: the public surface of this part of core/image
 * (docs/archive-formats.md#image-references). The grammar is distribution/reference's; the lookups follow
 * moby's GetImage and containers/common's LookupImage.
 */
export {
  formatReference,
  isReferenceError,
  nameOf,
  parseReference,
  type ParsedId,
  type ParsedName,
  type ParsedReference,
  type ReferenceError,
} from './reference';
export {
  DEFAULT_TAG,
  DOCKER_HUB,
  dockerFullName,
  familiarName,
  normalizeReference,
  type ImpliedPart,
  type NormalizedId,
  type NormalizedName,
  type NormalizedReference,
} from './reference-normalize';
export {
  DEFAULT_REGISTRIES_CONF,
  EMPTY_REGISTRIES_CONF,
  isQualifiedDomain,
  parseRegistriesConf,
  type RegistriesConf,
  type RegistriesConfError,
  type ShortNameMode,
} from './registries-conf';
export {
  describePodmanPull,
  isShortName,
  podmanPullPhrase,
  planPodmanLookup,
  podmanCandidates,
  type CandidateSource,
  type PodmanCandidate,
  type PodmanPlan,
} from './resolve-podman';
export { lookupLocal, type Engine, type LocalLookup } from './resolve-local';
export { describeSource } from './resolve-explain';
export {
  RESOLVE_SENTENCES,
  renderPhrase,
  renderPhraseWith,
  type Phrase,
  type ResolveSentenceName,
} from './resolve-sentences';
