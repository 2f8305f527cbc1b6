import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRIES_CONF, EMPTY_REGISTRIES_CONF, parseRegistriesConf } from './registries-conf';
import type { RegistriesConf, RegistriesConfError } from './registries-conf';

function dump(result: RegistriesConf | RegistriesConfError): string {
  if ('kind' in result) return `error: ${result.message}`;
  const aliases = [...result.aliases].map(([k, v]) => `  ${k} = ${v}`);
  return [
    `search: ${result.unqualifiedSearchRegistries.join(', ')}`,
    `mode: ${result.shortNameMode}`,
    ...aliases,
  ].join('\n');
}

describe('parseRegistriesConf', () => {
  it('reads the three settings and skips the rest of the file', () => {
    const text = [
      '# a comment',
      'unqualified-search-registries = [',
      '  "registry.fedoraproject.org",  # trailing comment',
      "  'docker.io',",
      ']',
      'short-name-mode="disabled"',
      'credential-helpers = ["containers-auth.json"]',
      '',
      '[[registry]]',
      'prefix = "docker.io"',
      'location = "mirror.gcr.io"',
      'insecure = false',
      'mirror = [{ location = "quay.io/libpod", insecure = true }]',
      '[[registry]]',
      'prefix = "docker.io/library"',
      '',
      '[aliases]',
      '  "fedora" = "registry.fedoraproject.org/fedora"',
      '  alpine = "docker.io/alpine"',
      '  "opensuse/leap" = "registry.opensuse.org/opensuse/leap"',
    ].join('\n');
    expect(dump(parseRegistriesConf(text))).toBe(
      [
        'search: registry.fedoraproject.org, docker.io',
        'mode: disabled',
        '  fedora = registry.fedoraproject.org/fedora',
        '  alpine = docker.io/library/alpine',
        '  opensuse/leap = registry.opensuse.org/opensuse/leap',
      ].join('\n'),
    );
  });

  it('keeps the base for keys the file leaves out, and adds its aliases (drop-ins)', () => {
    const base = parseRegistriesConf(
      '[aliases]\n"a" = "quay.io/a"\n"b" = "quay.io/b"\n',
      DEFAULT_REGISTRIES_CONF,
    );
    if ('kind' in base) throw new Error(base.message);
    const merged = parseRegistriesConf('[aliases]\n"b" = "quay.io/other/b"\n', base);
    expect(dump(merged)).toBe(
      [
        'search: registry.fedoraproject.org, registry.access.redhat.com, docker.io, quay.io',
        'mode: enforcing',
        '  a = quay.io/a',
        '  b = quay.io/other/b',
      ].join('\n'),
    );
  });

  it('has containers/image defaults for an empty file', () => {
    expect(dump(parseRegistriesConf(''))).toBe('search: \nmode: permissive');
    expect(parseRegistriesConf('short-name-mode = ""\n')).toEqual(EMPTY_REGISTRIES_CONF);
  });

  it('reads CRLF line ends and a byte-order mark', () => {
    const text =
      '\uFEFFunqualified-search-registries = [\r\n  "quay.io",\r\n]\r\n[ aliases ]\r\n"a" = "quay.io/a"\r\n';
    expect(dump(parseRegistriesConf(text))).toBe('search: quay.io\nmode: permissive\n  a = quay.io/a');
  });

  it('reads multi-line strings and keeps the lines of what follows them', () => {
    const text = 'x = """\n[aliases]\nnot = a header\n"""\nshort-name-mode = "strict"\n';
    expect(dump(parseRegistriesConf(text))).toBe(
      'error: line 5: short-name-mode must be "enforcing", "permissive" or "disabled", not "strict"',
    );
  });

  it('reads the V1 search list', () => {
    const text =
      '[registries.search]\nregistries = ["docker.io", "quay.io"]\n[registries.insecure]\nregistries = []\n';
    expect(dump(parseRegistriesConf(text))).toBe('search: docker.io, quay.io\nmode: permissive');
  });

  it('reads escapes in basic strings and none in literal strings', () => {
    const conf = parseRegistriesConf('[aliases]\n"\\u0061pp" = \'quay.io/app\'\n');
    expect(dump(conf)).toBe('search: \nmode: permissive\n  app = quay.io/app');
  });

  /** Every sentence names the line, so that a user can open the file there. */
  it.each([
    [
      'unqualified-search-registries = "docker.io"',
      'line 1: unqualified-search-registries must be a list of registry names in quotes, e.g. ["docker.io"]',
    ],
    ['\nunqualified-search-registries = [docker.io]', 'line 2: invalid value (column 34)'],
    [
      'unqualified-search-registries = ["docker.io"',
      'line 1: expected comma or end of structure (column 45)',
    ],
    [
      'unqualified-search-registries = ["Bad_Host.com"]',
      "line 1: 'Bad_Host.com' is not a registry name: the registry host 'Bad_Host.com' contains '_' (position 3); a host allows letters, digits, '-' and '.'",
    ],
    [
      'short-name-mode = "strict"',
      'line 1: short-name-mode must be "enforcing", "permissive" or "disabled", not "strict"',
    ],
    [
      'short-name-mode = true',
      'line 1: short-name-mode must be "enforcing", "permissive" or "disabled", not a value without quotes',
    ],
    ['a = 1\na = 2', 'line 2: trying to redefine an already defined table or value (column 1)'],
    ['x = "unterminated', 'line 1: unfinished string (column 5)'],
    ['x = "a" y', 'line 1: each key-value declaration must be followed by an end-of-line (column 9)'],
    ['[aliases\nx = "y"', 'line 1: illegal character in key (column 9)'],
    ['x "y"', 'line 1: illegal character in key (column 3)'],
    ['x = "\\q"', 'line 1: unrecognised escape sequence (column 7)'],
    [
      '[aliases]\n"fedora:39" = "registry.fedoraproject.org/fedora"',
      "line 2: the alias 'fedora:39' must be a name without a tag or digest",
    ],
    [
      '[aliases]\n"quay.io/x" = "quay.io/x"',
      "line 2: the alias 'quay.io/x' must be a short name, without a registry",
    ],
    [
      '[aliases]\n"x" = "x"',
      "line 2: the alias value 'x' must start with a registry, e.g. docker.io/library/x",
    ],
    [
      '[aliases]\n"x" = "quay.io/x:1"',
      "line 2: the alias value 'quay.io/x:1' must be a name without a tag or digest",
    ],
    ['[aliases]\n"x" = 1', "line 2: the alias 'x' must map to a name in quotes"],
    [
      '[aliases]\n"X" = "quay.io/x"',
      "line 2: the alias 'X' is not a valid name: uppercase letters are not allowed in the repository path: 'X' (position 0)",
    ],
  ])('%j', (text, message) => {
    expect(dump(parseRegistriesConf(text))).toBe(`error: ${message}`);
  });
});

describe('parseRegistriesConf on the files of this machine', () => {
  const dropIn = '/etc/containers/registries.conf.d/shortnames.conf';
  it.skipIf(!existsSync(dropIn))(`reads ${dropIn} (skipped when containers-common is not installed)`, () => {
    const conf = parseRegistriesConf(readFileSync(dropIn, 'utf8'));
    if ('kind' in conf) throw new Error(conf.message);
    expect(conf.aliases.size).toBeGreaterThan(10);
    expect(conf.aliases.get('fedora')).toBe('registry.fedoraproject.org/fedora');
  });

  const main = '/etc/containers/registries.conf';
  it.skipIf(!existsSync(main))(`reads ${main} (skipped when absent)`, () => {
    expect('kind' in parseRegistriesConf(readFileSync(main, 'utf8'))).toBe(false);
  });
});
