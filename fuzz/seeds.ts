/**
 * What the fuzzer starts from: the committed fixture archives (made by podman, skopeo, buildah,
 * umoci, and the synthetic Docker/kaniko/estargz rewrites), one image whose layers hold ELF files,
 * an ld.so.cache and every package database format the core reads, and a registries.conf.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildNewCache } from '../fixtures/linkage/cache-builder';
import { buildElf } from '../fixtures/linkage/elf-builder';
import { writeNdb } from '../fixtures/packages/ndb-writer';
import { readBerkeleyHash } from '../src/core/packages/berkeley-db-hash';
import { buildDockerArchive } from '../src/core/testing/image-builder';
import { buildTar, type BuildEntry } from '../src/core/testing/tar-builder';

export interface Seed {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Paths worth asking cat, ldd and owner about. */
  readonly paths: readonly string[];
  /** True for the image whose layers hold ELF files and package databases. */
  readonly content: boolean;
}

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures');
const LIBDIR = '/lib/x86_64-linux-gnu';
const LDSO = '/lib64/ld-linux-x86-64.so.2';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function dockerArchive(layers: readonly Uint8Array[]): Uint8Array {
  return buildDockerArchive(layers, sha, {
    config: { Env: ['PATH=/usr/bin:/bin', 'LD_LIBRARY_PATH=/opt/lib'] },
  });
}

function file(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

/**
 * The rpm Berkeley DB fixture's headers as an ndb `Packages.db` (the format of SLE 15 and openSUSE),
 * written by the fixtures' writer: Debian's rpm cannot write ndb.
 */
function ndbDatabase(): Uint8Array {
  const records = readBerkeleyHash(file('packages/rpm/Packages-le-4k.bdb'));
  if (records instanceof Error) throw records;
  const packages = records.filter(
    (r) => new DataView(r.key.buffer, r.key.byteOffset).getUint32(0, true) !== 0,
  );
  return writeNdb(packages.map((r) => r.value));
}

/**
 * An image with a glibc-style loader, libraries, a cache and package databases of every kind: rpm
 * as sqlite (found first) and Berkeley DB, or as ndb alone.
 */
function contentImage(rpm: 'sqlite' | 'ndb'): Uint8Array {
  const libc = buildElf({
    soname: 'libc.so.6',
    needed: ['ld-linux-x86-64.so.2'],
    verdef: [
      { index: 1, flags: 1, names: ['libc.so.6'] },
      { index: 2, names: ['GLIBC_2.2.5'] },
    ],
  });
  const base: BuildEntry[] = [
    { name: 'lib64/', type: '5' },
    { name: `${LIBDIR.slice(1)}/`, type: '5' },
    { name: LDSO.slice(1), data: buildElf({ soname: 'ld-linux-x86-64.so.2' }), mode: 0o755 },
    { name: `${LIBDIR.slice(1)}/libc.so.6`, data: libc },
    { name: `${LIBDIR.slice(1)}/libz.so.1`, data: buildElf({ soname: 'libz.so.1', needed: ['libc.so.6'] }) },
    {
      name: 'etc/ld.so.cache',
      data: buildNewCache({
        entries: [
          { flags: 0x0303, key: 'libz.so.1', value: `${LIBDIR}/libz.so.1` },
          { flags: 0x0303, key: 'libc.so.6', value: `${LIBDIR}/libc.so.6` },
        ],
      }),
    },
    { name: 'var/lib/dpkg/status', data: file('packages/dpkg/admin/status') },
    { name: 'lib/apk/db/installed', data: file('packages/apk/installed') },
  ];
  const apps: BuildEntry[] = [
    {
      name: 'usr/bin/app',
      mode: 0o755,
      data: buildElf({
        interpreter: LDSO,
        needed: ['libz.so.1', 'libc.so.6', 'libmissing.so.9'],
        runpath: '$ORIGIN/../lib:/opt/lib',
        verneed: [{ file: 'libc.so.6', versions: [{ name: 'GLIBC_2.2.5', index: 2 }] }],
      }),
    },
    { name: 'usr/bin/app32', mode: 0o755, data: buildElf({ class: 32, interpreter: '/lib/ld-linux.so.2' }) },
    ...(rpm === 'ndb'
      ? [{ name: 'usr/lib/sysimage/rpm/Packages.db', data: ndbDatabase() }]
      : [
          { name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', data: file('packages/rpm/rpmdb.sqlite') },
          { name: 'var/lib/rpm/Packages', data: file('packages/rpm/Packages-le-4k.bdb') },
        ]),
    { name: 'usr/bin/link', type: '2', linkname: 'app' },
  ];
  return dockerArchive([buildTar(base), buildTar(apps)]);
}

const REGISTRIES_CONF = `unqualified-search-registries = ["quay.io", "docker.io"]
short-name-mode = "enforcing"
[[registry]]
prefix = "example.com/foo"
location = "mirror.example.com/foo"
[[registry.mirror]]
location = "m2.example.com"
[aliases]
"ubuntu" = "docker.io/library/ubuntu"
`;

export const registriesConfSeed = new TextEncoder().encode(REGISTRIES_CONF);

/** Fixture archives up to 300 KB (mutants stay small enough to run thousands a minute). */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const dir = join(FIXTURES, 'archives');
  for (const name of readdirSync(dir).sort()) {
    if (!/\.tar(\.gz)?$/.test(name)) continue;
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    if (bytes.length > 300_000) continue;
    seeds.push({
      name,
      bytes,
      paths: ['/etc/motd', '/etc/link', '/etc/os-release', '/bin/sh'],
      content: false,
    });
  }
  for (const rpm of ['sqlite', 'ndb'] as const) {
    seeds.push({
      name: rpm === 'sqlite' ? 'content-image.tar' : 'content-image-ndb.tar',
      bytes: contentImage(rpm),
      paths: ['/usr/bin/app', '/usr/bin/link', '/usr/bin/app32', `${LIBDIR}/libc.so.6`, '/etc/passwd'],
      content: true,
    });
  }
  return seeds;
}
