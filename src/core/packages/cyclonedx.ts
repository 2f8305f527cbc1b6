/**
 * A CycloneDX 1.5 JSON SBOM of an image's OS packages (cyclonedx.org/docs/1.5/json): the image as
 * `metadata.component` (type "container"), each installed package a "library" component with its
 * package URL (github.com/package-url/purl-spec, PURL-TYPES: deb, rpm, apk) and its licence.
 *
 * Pure: the serial number and timestamp come from the caller. Without a serial number one is made
 * from the image id, so the same image gives the same document (reproducible output); callers that
 * want one per run pass a random UUID.
 */
import { PackageURL } from 'packageurl-js';
import type { InstalledPackage, PackageManager } from './package-types';
import { fullVersion } from './package-types';
import { sortPackages } from './layer-packages';

export interface SbomImage {
  /** The image id (sha256 of the config), with or without "sha256:"; any other id is kept as it is. */
  readonly id: string;
  readonly names: readonly string[];
}

/** From the image's os-release: `ID` and `VERSION_ID` (purl namespace and `distro` qualifier). */
export interface Distro {
  readonly id: string;
  readonly versionId: string;
}

export interface CycloneDxOptions {
  /** "urn:uuid:…"; default: made from the image id. */
  readonly serialNumber?: string;
  /** ISO 8601; omitted when not given. */
  readonly timestamp?: string;
  readonly distro?: Distro;
  readonly tool?: { readonly name: string; readonly version?: string };
  /**
   * Licences found outside the database (dpkg has none in its status; Debian's copyright files
   * name them). A package in the map takes these; others take their database field.
   */
  readonly licenses?: ReadonlyMap<InstalledPackage, readonly string[]>;
}

interface Property {
  readonly name: string;
  readonly value: string;
}

export interface CycloneDxComponent {
  readonly 'bom-ref': string;
  readonly type: 'library' | 'container' | 'application';
  readonly name: string;
  readonly version?: string;
  readonly publisher?: string;
  readonly licenses?: readonly LicenseChoice[];
  readonly purl?: string;
  readonly properties?: readonly Property[];
}

export interface CycloneDxBom {
  readonly $schema: string;
  readonly bomFormat: 'CycloneDX';
  readonly specVersion: '1.5';
  readonly serialNumber: string;
  readonly version: 1;
  readonly metadata: {
    readonly timestamp?: string;
    readonly tools?: { readonly components: readonly CycloneDxComponent[] };
    readonly component: CycloneDxComponent;
  };
  readonly components: readonly CycloneDxComponent[];
}

/** CycloneDX `licenses`: named licences, or one SPDX expression. */
export type LicenseChoice =
  { readonly license: { readonly id: string } | { readonly name: string } } | { readonly expression: string };

/**
 * SPDX identifiers (spdx.org/licenses) common in distribution packages. A licence string that is
 * one of these becomes `license.id`; an expression of them with AND/OR/WITH becomes `expression`;
 * anything else ("GPLv2+", "see /usr/share/doc/zlib1g/copyright") stays a free-text `license.name`,
 * which is always valid, where a wrong id would not be.
 */
const SPDX_IDS = new Set(
  (
    '0BSD AFL-2.1 AGPL-3.0-only AGPL-3.0-or-later Apache-2.0 Artistic-1.0 Artistic-1.0-Perl Artistic-2.0 ' +
    'Beerware BSD-1-Clause BSD-2-Clause BSD-3-Clause BSD-4-Clause BSD-Source-Code BSL-1.0 bzip2-1.0.6 CC0-1.0 ' +
    'CC-BY-4.0 CC-BY-SA-4.0 CDDL-1.0 curl EPL-1.0 EPL-2.0 FTL GFDL-1.3-only GFDL-1.3-or-later GPL-1.0-only ' +
    'GPL-1.0-or-later GPL-2.0 GPL-2.0+ GPL-2.0-only GPL-2.0-or-later GPL-3.0 GPL-3.0+ GPL-3.0-only ' +
    'GPL-3.0-or-later HPND ICU IJG ISC LGPL-2.0-only LGPL-2.0-or-later LGPL-2.1 LGPL-2.1+ LGPL-2.1-only ' +
    'LGPL-2.1-or-later LGPL-3.0-only LGPL-3.0-or-later Libpng libtiff MIT MIT-0 MIT-CMU MPL-1.1 MPL-2.0 NCSA ' +
    'NTP OFL-1.1 OpenSSL PHP-3.01 PostgreSQL PSF-2.0 Python-2.0 Ruby Sleepycat Spencer-94 TCL ' +
    'Unicode-DFS-2016 Unlicense Vim W3C WTFPL X11 Zlib ZPL-2.1'
  ).split(' '),
);
const SPDX_EXCEPTIONS = new Set(
  (
    'Autoconf-exception-3.0 Bison-exception-2.2 Classpath-exception-2.0 Font-exception-2.0 ' +
    'GCC-exception-2.0 GCC-exception-3.1 Linux-syscall-note LLVM-exception openvpn-openssl-exception'
  ).split(' '),
);

function isSpdxExpression(text: string): boolean {
  const tokens = text
    .replace(/[()]/g, ' ')
    .split(/\s+/)
    .filter((t) => t !== '');
  let operators = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === 'AND' || token === 'OR' || token === 'WITH') {
      operators++;
      continue;
    }
    const afterWith = tokens[i - 1] === 'WITH';
    if (afterWith ? !SPDX_EXCEPTIONS.has(token) : !SPDX_IDS.has(token) && !token.startsWith('LicenseRef-'))
      return false;
  }
  return operators > 0;
}

/** Several licences: each an SPDX id or a name (an expression may only stand alone). */
export function licenseChoices(texts: readonly string[]): LicenseChoice[] {
  const kept = texts.map((t) => t.trim()).filter((t) => t !== '');
  if (kept.length <= 1) return licenseChoice(kept[0] ?? '');
  return kept.map((t) => (SPDX_IDS.has(t) ? { license: { id: t } } : { license: { name: t } }));
}

export function licenseChoice(text: string): LicenseChoice[] {
  const license = text.trim();
  if (license === '') return [];
  if (SPDX_IDS.has(license)) return [{ license: { id: license } }];
  if (isSpdxExpression(license)) return [{ expression: license }];
  return [{ license: { name: license } }];
}

const PURL_TYPE: Record<PackageManager, string> = { dpkg: 'deb', rpm: 'rpm', apk: 'apk' };
/** Namespace when the image names no distribution: the spec's examples for deb and apk; rpm has none. */
const DEFAULT_NAMESPACE: Record<PackageManager, string | undefined> = {
  dpkg: 'debian',
  rpm: undefined,
  apk: 'alpine',
};

/**
 * The package URL: `pkg:deb/debian/NAME@VERSION?arch=ARCH&distro=debian-12`, in packageurl-js's canonical form
 * (qualifier keys sorted, ":" never percent-encoded). deb versions carry their epoch ("1:1.35.0-4", as dpkg prints
 * it); rpm takes `VERSION-RELEASE` and an `epoch` qualifier (PURL-TYPES rpm).
 */
export function purlOf(pkg: InstalledPackage, distro?: Distro): string {
  const vendor = distro === undefined ? DEFAULT_NAMESPACE[pkg.manager] : namespaceOf(distro.id);
  const version =
    pkg.manager === 'rpm'
      ? pkg.release === ''
        ? pkg.version
        : `${pkg.version}-${pkg.release}`
      : fullVersion(pkg);
  const qualifiers: Record<string, string> = {};
  if (pkg.arch !== '') qualifiers['arch'] = pkg.arch;
  if (distro !== undefined)
    qualifiers['distro'] = distro.versionId === '' ? distro.id : `${distro.id}-${distro.versionId}`;
  if (pkg.manager === 'rpm' && pkg.epoch !== undefined) qualifiers['epoch'] = String(pkg.epoch);
  return new PackageURL(PURL_TYPE[pkg.manager], vendor, pkg.name, version, qualifiers).toString();
}

/** os-release ID → purl namespace: lower case; Red Hat's "rhel" is "redhat" in purls. */
function namespaceOf(id: string): string {
  const lower = id.toLowerCase();
  return lower === 'rhel' ? 'redhat' : lower;
}

/** `ID` and `VERSION_ID` of an os-release file (os-release(5): shell-style, values maybe quoted). */
export function parseOsRelease(text: string): Distro | undefined {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) values.set(m[1]!, m[2]!.replace(/^(["'])(.*)\1$/, '$2'));
  }
  const id = values.get('ID');
  return id === undefined || id === '' ? undefined : { id, versionId: values.get('VERSION_ID') ?? '' };
}

/**
 * A UUID from the first 128 bits of the image id, marked version 8 (RFC 9562, section 5.8: vendor-defined).
 */
export function uuidFromImageId(id: string): string {
  let hex = id.replace(/^sha256:/, '').toLowerCase();
  if (!/^[0-9a-f]{32}/.test(hex)) hex = fnvHex(id);
  const digits = hex.slice(0, 32).split('');
  digits[12] = '8';
  digits[16] = ((parseInt(digits[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = digits.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** 128 bits of FNV-1a over four seeds, for ids that are not hex digests. */
function fnvHex(text: string): string {
  let out = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0xdeadbeef, 0x12345678]) {
    let h = seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

function packageComponent(
  pkg: InstalledPackage,
  purl: string,
  ref: string,
  found: readonly string[] | undefined,
): CycloneDxComponent {
  const licenses = found === undefined ? licenseChoice(pkg.license) : licenseChoices(found);
  const properties: Property[] = [
    { name: 'strata:package:manager', value: pkg.manager },
    { name: 'strata:package:arch', value: pkg.arch },
  ];
  if (pkg.sourcePackage !== '') properties.push({ name: 'strata:package:source', value: pkg.sourcePackage });
  properties.push(
    { name: 'strata:package:installedSize', value: String(pkg.installedSize) },
    { name: 'strata:package:fileCount', value: String(pkg.files.length) },
  );
  return {
    'bom-ref': ref,
    type: 'library',
    name: pkg.name,
    version: fullVersion(pkg),
    ...(pkg.vendor === '' ? {} : { publisher: pkg.vendor }),
    ...(licenses.length === 0 ? {} : { licenses }),
    purl,
    properties,
  };
}

export function toCycloneDx(
  packages: readonly InstalledPackage[],
  image: SbomImage,
  options: CycloneDxOptions = {},
): CycloneDxBom {
  const imageId = /^[0-9a-f]{64}$/.test(image.id) ? `sha256:${image.id}` : image.id;
  const refs = new Set<string>();
  const components = sortPackages(packages).map((pkg) => {
    const purl = purlOf(pkg, options.distro);
    // bom-refs must be unique; two records with one purl (a damaged database) get a suffix.
    let ref = purl;
    for (let n = 2; refs.has(ref); n++) ref = `${purl}#${n}`;
    refs.add(ref);
    return packageComponent(pkg, purl, ref, options.licenses?.get(pkg));
  });
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.5.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: options.serialNumber ?? `urn:uuid:${uuidFromImageId(imageId)}`,
    version: 1,
    metadata: {
      ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
      ...(options.tool === undefined
        ? {}
        : {
            tools: {
              components: [
                {
                  'bom-ref': `tool:${options.tool.name}`,
                  type: 'application',
                  name: options.tool.name,
                  ...(options.tool.version === undefined ? {} : { version: options.tool.version }),
                },
              ],
            },
          }),
      component: {
        'bom-ref': imageId,
        type: 'container',
        name: image.names[0] ?? imageId,
        version: imageId,
        properties: image.names.map((name) => ({ name: 'strata:image:name', value: name })),
      },
    },
    components,
  };
}
