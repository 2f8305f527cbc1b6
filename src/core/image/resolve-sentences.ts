/**
 * The English sentences that explain how a name resolves, by a stable name, with `{{slots}}` for what varies.
 * The page's catalogues (`resolve` in src/ui/i18n/locales) hold the same names in English word for word and
 * in Simplified Chinese; the CLI prints the English. A slot may hold another named phrase (a candidate's
 * source, a refusal's reason), which the page says in its language too. Names are a contract: add, never rename.
 */
import { renderSaidList, type SaidList } from '../model/said';

export const RESOLVE_SENTENCES = {
  // Image IDs.
  'id-full': "'{{input}}' is the full image ID {{id}}",
  'id-none': 'no image has the ID {{id}}',
  'id-prefix-one': "'{{input}}' is the start of exactly one image ID, {{id}}",
  'id-prefix-many': "'{{prefix}}' is the start of {{count}} image IDs ({{ids}}…); give more characters",
  // Docker.
  'docker-refuses': "Docker refuses '{{input}}': {{reason}}",
  'docker-present': "'{{input}}' means {{name}}, which is present",
  'docker-absent': "'{{input}}' means {{name}}, which is not present",
  'docker-upper-host': "'{{domain}}' has uppercase letters, so Docker reads it as a registry host",
  'docker-hub-short':
    "Docker reads a name without a registry as Docker Hub, so '{{written}}' means {{repository}}; the archive has {{names}}",
  // podman.
  'podman-refuses': "podman refuses '{{input}}': {{reason}}",
  'podman-upper-host':
    "'{{domain}}' has uppercase letters, so it cannot be part of a repository path, but without '.', ':' or 'localhost' podman does not take it for a registry either: with localhost or a search registry in front it becomes a path component, which is refused",
  'podman-cannot-expand': "podman cannot expand '{{input}}' into full names: {{reason}}",
  'podman-unknown': "'{{input}}' is not known to podman",
  'podman-found': 'found as candidate {{n}} of {{total}}, {{name}} ({{source}})',
  'podman-tried': 'tried {{names}}: none is present',
  'podman-verbatim': "'{{name}}' is stored verbatim",
  'podman-digest-found': '{{name}} has the digest {{digest}}',
  'podman-digest-none': 'no image has the digest {{digest}}',
  'podman-suffix': "{{name}} ends with '{{written}}' at a '/' boundary and has the tag '{{tag}}'",
  'podman-qualified': "'{{written}}' has a registry, so podman looks for that exact name only",
  'not-full-id':
    "'{{input}}' is not a full image ID: after 'sha256:' podman needs all 64 hex digits; leave out 'sha256:' to match the start of an ID",
  'id-not-name': "'{{text}}' is an image ID, not a name",
  // The nearest names when nothing matched.
  'latest-only':
    "no image is tagged '{{tag}}'; '{{written}}' exists only as {{names}} — a missing tag means ':{{tag}}'",
  'other-tags': "'{{written}}' exists only as {{names}}, not with the tag '{{tag}}'",
  'inner-components': "'{{written}}' appears inside {{names}}, but only a name's last components count",
  'no-similar': "no image in the archive is named like '{{written}}'",
  // Why podman tries a candidate.
  'source-qualified': 'the name as written, with its registry',
  'source-alias': 'the short-name alias from registries.conf',
  'source-localhost': 'localhost, where locally built images live',
  'source-search-registry': 'the search registry {{registry}}',
  'source-docker-hub': 'the Docker Hub normalisation',
  // podman pull.
  'pull-refuses': 'podman pull refuses it: {{reason}}',
  'pull-id': 'podman pull cannot fetch an image ID; it needs a name',
  'pull-cannot-expand': 'podman pull cannot expand this name',
  'pull-fetches': 'podman pull fetches {{name}}',
  'pull-alias': 'podman pull fetches {{name}} (the alias always wins)',
  'pull-no-search': 'podman pull fails: no alias matches and no unqualified-search-registries are set',
  'pull-only-search': 'podman pull fetches {{name}} (the only search registry)',
  'pull-disabled': 'podman pull tries {{names}} in order (short-name-mode disabled)',
  'pull-permissive':
    'podman pull asks which of {{names}} on a terminal, and tries them in order without one (short-name-mode permissive)',
  'pull-enforcing':
    'podman pull asks which of {{names}} on a terminal, and fails without one (short-name-mode enforcing)',
  // Rewrites of a name that add nothing.
  'note-legacy-hub': "{{legacy}} is Docker Hub's legacy name; it is rewritten to {{hub}}",
  'note-tag-ignored': "the tag '{{tag}}' is ignored: with a digest, the digest alone picks the image",
  // What is wrong with a name, and where (the image-reference grammar).
  'name-empty': 'an image name cannot be empty',
  'name-two-at': "only one '@' may separate the digest (position {{at}})",
  'name-no-repository': 'the reference has no repository name before {{char}} (position 0)',
  'host-empty-label': "the registry host '{{host}}' has an empty label (position {{at}})",
  'host-char':
    "the registry host '{{host}}' contains {{char}} (position {{at}}); a host allows letters, digits, '-' and '.'",
  'host-dash': "a label of the registry host may not start or end with '-': '{{label}}' (position {{at}})",
  'ipv6-unclosed': "the IPv6 address in '{{domain}}' has no closing ']' (position {{at}})",
  'ipv6-empty': "the IPv6 address in '{{domain}}' is empty (position {{at}})",
  'ipv6-char':
    "the IPv6 address '{{address}}' may contain only hex digits and ':', not {{char}} (position {{at}})",
  'ipv6-rest': "after the IPv6 address only ':port' may follow, not '{{rest}}' (position {{at}})",
  'registry-no-host': "the registry '{{domain}}' has no host name before ':' (position {{at}})",
  'port-empty': "the port after '{{host}}:' is empty (position {{at}})",
  'port-digits': "the port in '{{domain}}' must be digits only, not '{{port}}' (position {{at}})",
  'path-empty-component':
    "the repository path has an empty component (position {{at}}): look for '//' or a trailing '/'",
  'path-uppercase':
    "uppercase letters are not allowed in the repository path: '{{component}}' (position {{at}})",
  'path-char': "{{char}} is not allowed in the repository path: '{{component}}' (position {{at}})",
  'path-ends':
    "a path component must start and end with a lowercase letter or digit: '{{component}}' (position {{at}})",
  'path-separator':
    "the separator '{{run}}' in '{{component}}' is not allowed (position {{at}}); use one '.', one or two '_', or '-'",
  'path-too-long':
    'the repository path is {{length}} characters long (position {{at}}); at most {{max}} are allowed',
  'path-too-long-library':
    "the repository path is {{length}} characters long once Docker adds '{{namespace}}' (position 0); at most {{max}} are allowed",
  'tag-empty': "the tag after ':' is empty (position {{at}})",
  'tag-too-long': 'the tag is {{length}} characters long (position {{at}}); at most {{max}} are allowed',
  'tag-start': "a tag must start with a letter, digit or '_', not {{char}}: '{{tag}}' (position {{at}})",
  'tag-char':
    "{{char}} is not allowed in the tag '{{tag}}' (position {{at}}); a tag allows letters, digits, '_', '.' and '-'",
  'digest-form':
    "the digest after '@' needs the form 'algorithm:hex', e.g. 'sha256:…': '{{digest}}' (position {{at}})",
  'digest-algorithm-form': "the digest algorithm '{{algorithm}}' is not well-formed (position {{at}})",
  'digest-algorithm':
    "the digest algorithm '{{algorithm}}' is not supported (position {{at}}); use sha256, sha384 or sha512",
  'digest-not-hex': '{{char}} is not a hex digit in the digest (position {{at}})',
  'digest-uppercase': "a {{algorithm}} digest must be lowercase hex, not '{{c}}' (position {{at}})",
  'digest-length':
    'a {{algorithm}} digest has exactly {{expected}} hex digits, this one has {{length}} (position {{at}})',
  // A character inside those sentences, visible even when it is a space or a control character.
  'char-space': 'a space',
  'char-control': 'the control character U+{{code}}',
  char: "'{{c}}'",
  // registries.conf problems, each said after the line it is on.
  'conf-line': 'line {{line}}: {{problem}}',
  'conf-list': '{{key}} must be a list of registry names in quotes, e.g. ["docker.io"]',
  'conf-registry': "'{{registry}}' is not a registry name",
  'conf-registry-because': "'{{registry}}' is not a registry name: {{reason}}",
  'conf-alias-invalid': "the alias '{{name}}' is not a valid name: {{reason}}",
  'conf-alias-tagged': "the alias '{{name}}' must be a name without a tag or digest",
  'conf-alias-qualified': "the alias '{{name}}' must be a short name, without a registry",
  'conf-alias-unquoted': "the alias '{{name}}' must map to a name in quotes",
  'conf-value-invalid': "the alias value '{{value}}' is not valid: {{reason}}",
  'conf-value-tagged': "the alias value '{{value}}' must be a name without a tag or digest",
  'conf-value-short':
    "the alias value '{{value}}' must start with a registry, e.g. docker.io/library/{{value}}",
  'conf-mode': 'short-name-mode must be "enforcing", "permissive" or "disabled", not {{value}}',
  'conf-mode-unquoted':
    'short-name-mode must be "enforcing", "permissive" or "disabled", not a value without quotes',
  // TOML syntax errors in registries.conf, in smol-toml's words (resolve-toml-sentences.ts).
  'toml-unfinished-string': 'unfinished string (column {{column}})',
  'toml-unfinished-array': 'unfinished array (column {{column}})',
  'toml-unfinished-table': 'unfinished table (column {{column}})',
  'toml-invalid-value': 'invalid value (column {{column}})',
  'toml-expected-comma': 'expected comma or end of structure (column {{column}})',
  'toml-end-of-line': 'each key-value declaration must be followed by an end-of-line (column {{column}})',
  'toml-incomplete-key': 'incomplete key-value: cannot find end of key (column {{column}})',
  'toml-end-of-key': 'unexpected end of key (column {{column}})',
  'toml-key-char': 'illegal character in key (column {{column}})',
  'toml-empty-key': 'illegal empty bare key (column {{column}})',
  'toml-table-array': 'expected end of table array declaration (column {{column}})',
  'toml-redefine-table': 'trying to redefine an already defined table or value (column {{column}})',
  'toml-redefine-value': 'trying to redefine an already defined value (column {{column}})',
  'toml-control-string': 'control characters are not allowed in strings (column {{column}})',
  'toml-control-comment': 'control characters are not allowed in comments (column {{column}})',
  'toml-escape': 'unrecognised escape sequence (column {{column}})',
  'toml-other': '{{reason}} (column {{column}})',
} as const;

export type ResolveSentenceName = keyof typeof RESOLVE_SENTENCES;

/**
 * A named sentence and what fills its slots: text kept as written (names, grammar reasons), a list of names
 * (joined in the page's language) or another phrase.
 */
export interface Phrase {
  readonly name: ResolveSentenceName;
  readonly params: Readonly<Record<string, string | number | SaidList | Phrase>>;
}

export function phrase(name: ResolveSentenceName, params: Phrase['params'] = {}): Phrase {
  return { name, params };
}

/** The English text, exactly as the CLI prints it. */
export function renderPhrase(said: Phrase | string): string {
  return renderPhraseWith(said, renderSaidList);
}

/** The English text with its lists joined by `sayList` (the page's English joins them as Intl does). */
export function renderPhraseWith(said: Phrase | string, sayList: (list: SaidList) => string): string {
  if (typeof said === 'string') return said;
  return RESOLVE_SENTENCES[said.name].replace(/\{\{(\w+)\}\}/g, (slot, key: string) => {
    const value = said.params[key];
    if (value === undefined) return slot;
    if (typeof value !== 'object') return String(value);
    return 'items' in value ? sayList(value) : renderPhraseWith(value, sayList);
  });
}
