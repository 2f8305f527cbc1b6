import { parseToml } from './registries-conf-toml';
import type { TomlAssignment, TomlValue } from './registries-conf-toml';
import { isReferenceError, parseReference } from './reference';
import { normalizeReference } from './reference-normalize';
import { phrase, renderPhrase, type Phrase, type ResolveSentenceName } from './resolve-sentences';
import { tomlProblem } from './resolve-toml-sentences';

/** containers-registries.conf(5) `short-name-mode`. */
export type ShortNameMode = 'enforcing' | 'permissive' | 'disabled';

/** The settings of registries.conf that decide how podman resolves a short name. */
export interface RegistriesConf {
  /** `unqualified-search-registries`, tried in order. */
  readonly unqualifiedSearchRegistries: readonly string[];
  /** `[aliases]`: short name → fully qualified name without tag or digest (docker.io names normalised). */
  readonly aliases: ReadonlyMap<string, string>;
  readonly shortNameMode: ShortNameMode;
}

export interface RegistriesConfError {
  readonly kind: 'error';
  readonly line: number;
  /** A sentence that starts with "line N:". */
  readonly message: string;
  /** The same sentence by name, for the page to say in its language. */
  readonly sentence: Phrase;
}

/**
 * containers/image's built-in settings when no registries.conf sets a key: no search registries, no
 * aliases, and `permissive` (sysregistriesv2 defaultShortNameMode).
 */
export const EMPTY_REGISTRIES_CONF: RegistriesConf = {
  unqualifiedSearchRegistries: [],
  aliases: new Map(),
  shortNameMode: 'permissive',
};

/**
 * The /etc/containers/registries.conf that Fedora's containers-common package installs (and RHEL, and the
 * podman docs quote): four search registries and `short-name-mode = "enforcing"`. Aliases come from the
 * shortnames.conf drop-in, which is a separate file, so there are none here.
 */
export const DEFAULT_REGISTRIES_CONF: RegistriesConf = {
  unqualifiedSearchRegistries: [
    'registry.fedoraproject.org',
    'registry.access.redhat.com',
    'docker.io',
    'quay.io',
  ],
  aliases: new Map(),
  shortNameMode: 'enforcing',
};

const MODES: readonly ShortNameMode[] = ['enforcing', 'permissive', 'disabled'];

class ConfProblem extends Error {
  readonly said: Phrase;
  constructor(
    readonly line: number,
    name: ResolveSentenceName,
    params: Phrase['params'],
  ) {
    const said = phrase(name, params);
    super(renderPhrase(said));
    this.said = said;
  }
}

function confError(line: number, problem: Phrase | string): RegistriesConfError {
  const sentence = phrase('conf-line', { line, problem });
  return { kind: 'error', line, message: renderPhrase(sentence), sentence };
}

function stringList(entry: TomlAssignment, what: string): string[] {
  const { value } = entry;
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new ConfProblem(entry.line, 'conf-list', { key: what });
  }
  return value;
}

/** A search registry is a host[:port], optionally with a namespace: it must make a valid name with "/x". */
function checkSearchRegistry(registry: string, line: number): void {
  const parsed = parseReference(`${registry}/x`);
  if (registry === '' || isReferenceError(parsed) || parsed.kind !== 'name' || parsed.tag !== null) {
    if (isReferenceError(parsed))
      throw new ConfProblem(line, 'conf-registry-because', { registry, reason: parsed.sentence });
    throw new ConfProblem(line, 'conf-registry', { registry });
  }
}

/** sysregistriesv2 validateShortName and parseShortNameValue: a short name maps to a fully qualified name. */
function checkAlias(name: string, value: TomlValue, line: number): string {
  const key = parseReference(name);
  if (isReferenceError(key))
    throw new ConfProblem(line, 'conf-alias-invalid', { name, reason: key.sentence });
  if (key.kind !== 'name' || key.tag !== null || key.digest !== null) {
    throw new ConfProblem(line, 'conf-alias-tagged', { name });
  }
  if (isQualifiedDomain(key.domain)) {
    throw new ConfProblem(line, 'conf-alias-qualified', { name });
  }
  if (typeof value !== 'string') throw new ConfProblem(line, 'conf-alias-unquoted', { name });
  const target = parseReference(value);
  if (isReferenceError(target))
    throw new ConfProblem(line, 'conf-value-invalid', { value, reason: target.sentence });
  if (target.kind !== 'name' || target.tag !== null || target.digest !== null) {
    throw new ConfProblem(line, 'conf-value-tagged', { value });
  }
  if (!isQualifiedDomain(target.domain)) {
    throw new ConfProblem(line, 'conf-value-short', { value });
  }
  const normalized = normalizeReference(value);
  return normalized.kind === 'name' ? `${normalized.registry}/${normalized.path}` : value;
}

/** containers/image pkg/shortnames: a domain makes a name qualified if it has '.' or ':' or is "localhost". */
export function isQualifiedDomain(domain: string | null): boolean {
  return domain !== null && (domain === 'localhost' || /[.:]/.test(domain));
}

/**
 * Applies one registries.conf (or a registries.conf.d drop-in) over `base`: keys the text sets replace the
 * base's, aliases are added one by one (a later file wins), as containers/image merges drop-ins. Keys that do
 * not affect name resolution (`[[registry]]`, `credential-helpers`, …) are read for syntax and ignored.
 * The V1 form `[registries.search] registries = […]` sets the search registries too.
 */
export function parseRegistriesConf(
  text: string,
  base: RegistriesConf = EMPTY_REGISTRIES_CONF,
): RegistriesConf | RegistriesConfError {
  const parsed = parseToml(text);
  if (!Array.isArray(parsed)) return confError(parsed.line, tomlProblem(parsed.reason, parsed.column));
  let search = base.unqualifiedSearchRegistries;
  let mode = base.shortNameMode;
  const aliases = new Map(base.aliases);
  try {
    for (const entry of parsed) {
      if (entry.table === '' && entry.key === 'unqualified-search-registries') {
        search = stringList(entry, 'unqualified-search-registries');
        for (const registry of search) checkSearchRegistry(registry, entry.line);
      } else if (entry.table === 'registries.search' && entry.key === 'registries') {
        search = stringList(entry, '[registries.search] registries');
        for (const registry of search) checkSearchRegistry(registry, entry.line);
      } else if (entry.table === '' && entry.key === 'short-name-mode') {
        mode = readMode(entry, mode);
      } else if (entry.table === 'aliases') {
        aliases.set(entry.key, checkAlias(entry.key, entry.value, entry.line));
      }
    }
  } catch (error) {
    if (error instanceof ConfProblem) return confError(error.line, error.said);
    throw error;
  }
  return { unqualifiedSearchRegistries: search, aliases, shortNameMode: mode };
}

/** An empty string leaves the mode unset, as in containers/image. */
function readMode(entry: TomlAssignment, current: ShortNameMode): ShortNameMode {
  const { value } = entry;
  if (value === '') return current;
  const mode = MODES.find((m) => m === value);
  if (mode === undefined) {
    if (typeof value !== 'string') throw new ConfProblem(entry.line, 'conf-mode-unquoted', {});
    throw new ConfProblem(entry.line, 'conf-mode', { value: `"${value}"` });
  }
  return mode;
}
