import { describe, expect, it } from 'vitest';
import type { LinkEdge, LinkGraph, LinkNode } from '../linkage/link-graph';
import type { InstalledPackage } from '../packages/package-types';
import type { OwnerIndex } from '../packages/owner-index';
import { blastRadius, type BlastRadius } from './blast-radius';
import { dpkgPackage } from '../testing/installed-package';

function node(path: string, kind: LinkNode['kind'], soname?: string): LinkNode {
  return { path, kind, soname, interpreter: undefined, needed: [] };
}

function edge(from: string, to: string, name = to.slice(to.lastIndexOf('/') + 1)): LinkEdge {
  return { from, to, name, foundVia: 'cache' };
}

const L = '/usr/lib/x86_64-linux-gnu';

/**
 * A Debian-like image: curl -> libcurl -> libssl -> libcrypto, openssl -> libssl and libcrypto, a loop between
 * two libraries, an app binary no package owns, libc with a PT_INTERP (an "exe" in the graph) and a file that is
 * reached by its DT_NEEDED name only (libssl.so.3 is a symlink to libssl.so.3.0.9 there).
 */
const graph: LinkGraph = {
  nodes: [
    node('/usr/bin/curl', 'exe'),
    node('/usr/bin/openssl', 'exe'),
    node('/srv/app/server', 'exe'),
    node('/usr/bin/gzip', 'exe'),
    node(`${L}/libcurl.so.4.8.0`, 'lib', 'libcurl.so.4'),
    node(`${L}/libssl.so.3.0.9`, 'lib', 'libssl.so.3'),
    node(`${L}/libcrypto.so.3`, 'lib', 'libcrypto.so.3'),
    node(`${L}/liba.so`, 'lib', 'liba.so'),
    node(`${L}/libb.so`, 'lib', 'libb.so'),
    node('/lib/x86_64-linux-gnu/libc.so.6', 'exe', 'libc.so.6'),
  ],
  edges: [
    edge('/usr/bin/curl', `${L}/libcurl.so.4.8.0`, 'libcurl.so.4'),
    edge(`${L}/libcurl.so.4.8.0`, `${L}/libssl.so.3.0.9`, 'libssl.so.3'),
    edge(`${L}/libssl.so.3.0.9`, `${L}/libcrypto.so.3`),
    edge('/usr/bin/openssl', `${L}/libssl.so.3.0.9`, 'libssl.so.3'),
    edge('/usr/bin/openssl', `${L}/libcrypto.so.3`),
    edge('/srv/app/server', `${L}/liba.so`),
    edge(`${L}/liba.so`, `${L}/libb.so`),
    edge(`${L}/libb.so`, `${L}/liba.so`),
    edge(`${L}/libb.so`, `${L}/libcrypto.so.3`),
    edge('/usr/bin/gzip', '/lib/x86_64-linux-gnu/libc.so.6'),
    edge(`${L}/libcrypto.so.3`, '/lib/x86_64-linux-gnu/libc.so.6'),
  ],
  unresolved: [],
  loads: new Map(),
};

function pkg(name: string, arch = 'amd64'): InstalledPackage {
  return dpkgPackage(name, { arch, multiArchSame: true });
}

/** Only ownersAt is used by blastRadius; the rest answers as an empty index would. */
function owners(byPath: Record<string, InstalledPackage>): OwnerIndex {
  return {
    ownersAt: (path) => (byPath[path] ? [byPath[path]] : []),
    listedAt: () => [],
    ownerOf: () => Promise.reject(new Error('not used')),
    diversions: [],
    size: Object.keys(byPath).length,
  };
}

const OWNERS = owners({
  [`${L}/libssl.so.3.0.9`]: pkg('libssl3'),
  [`${L}/libcrypto.so.3`]: pkg('libssl3'),
  '/usr/bin/openssl': pkg('openssl'),
  '/usr/bin/curl': pkg('curl'),
  [`${L}/libcurl.so.4.8.0`]: pkg('libcurl4'),
  '/lib/x86_64-linux-gnu/libc.so.6': pkg('libc6'),
});

function dump(r: BlastRadius): string {
  const lines = [`query ${r.query} match ${r.match ?? 'none'}`, ...r.libraries.map((l) => `library ${l}`)];
  for (const d of r.dependents)
    lines.push(`${d.kind} ${d.path} [${d.owner ?? '-'}] via ${d.via.join(' > ')}`);
  return lines.join('\n');
}

describe('blastRadius', () => {
  it('by package: every transitive loader with a shortest chain, the package libraries excluded', () => {
    expect(dump(blastRadius(graph, OWNERS, 'libssl3'))).toBe(
      [
        'query libssl3 match package',
        `library ${L}/libcrypto.so.3`,
        `library ${L}/libssl.so.3.0.9`,
        `exe /srv/app/server [-] via ${L}/liba.so > ${L}/libb.so > ${L}/libcrypto.so.3`,
        `exe /usr/bin/curl [curl] via ${L}/libcurl.so.4.8.0 > ${L}/libssl.so.3.0.9`,
        `exe /usr/bin/openssl [openssl] via ${L}/libcrypto.so.3`,
        `lib ${L}/liba.so [-] via ${L}/libb.so > ${L}/libcrypto.so.3`,
        `lib ${L}/libb.so [-] via ${L}/libcrypto.so.3`,
        `lib ${L}/libcurl.so.4.8.0 [libcurl4] via ${L}/libssl.so.3.0.9`,
      ].join('\n'),
    );
  });

  it('by DT_NEEDED name, file name or SONAME, also without an owner index', () => {
    const byNeeded = blastRadius(graph, null, 'libssl.so.3');
    expect(byNeeded.match).toBe('library');
    expect(byNeeded.libraries).toEqual([`${L}/libssl.so.3.0.9`]);
    expect(byNeeded.dependents.map((d) => d.path)).toEqual([
      '/usr/bin/curl',
      '/usr/bin/openssl',
      `${L}/libcurl.so.4.8.0`,
    ]);
    expect(blastRadius(graph, OWNERS, 'libssl.so.3.0.9').libraries).toEqual([`${L}/libssl.so.3.0.9`]);
    expect(blastRadius(graph, null, 'libcurl.so.4').dependents.map((d) => d.path)).toEqual(['/usr/bin/curl']);
  });

  it('counts libc.so.6 as a library though the graph calls it an executable', () => {
    const r = blastRadius(graph, OWNERS, 'libc6');
    expect(r.libraries).toEqual(['/lib/x86_64-linux-gnu/libc.so.6']);
    expect(r.dependents.map((d) => d.path)).toContain('/usr/bin/gzip');
    expect(r.dependents.map((d) => d.path)).toContain('/usr/bin/curl');
  });

  it('a package that owns no library, or an unknown name, affects nothing', () => {
    expect(blastRadius(graph, OWNERS, 'openssl')).toEqual({
      query: 'openssl',
      match: null,
      libraries: [],
      dependents: [],
    });
    expect(blastRadius(graph, OWNERS, 'libnope.so.1').libraries).toEqual([]);
  });

  it('matches a dpkg name:arch as dpkg prints Multi-Arch: same packages', () => {
    expect(blastRadius(graph, OWNERS, 'libssl3:amd64').libraries).toHaveLength(2);
  });
});
