/**
 * Synthetic docker-archive images for the owner and packages tests, built in memory from the
 * committed package fixtures (fixtures/packages): the file tree a real tool installed, listed in
 * tree.txt, with the real database that tool wrote at its real place. The layer tars are
 * synthetic (written by the core's tar builder); the databases and their oracles are not.
 */
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveInImage, type PathStep } from '../../core';
import { parseTreeManifest } from '../../core/testing/memory-image-fs';
import { buildTar, type BuildEntry } from '../../core/testing/tar-builder';

const PACKAGES = join(import.meta.dirname, '../../../fixtures/packages');

export interface SpecEntry {
  readonly path: string;
  readonly kind: 'dir' | 'file' | 'symlink' | 'whiteout';
  readonly content?: Uint8Array | string;
  readonly linkTarget?: string;
}

export interface LayerSpec {
  readonly createdBy: string;
  readonly entries: readonly SpecEntry[];
}

function tarEntry(e: SpecEntry): BuildEntry {
  const rel = e.path.replace(/^\/+/, '');
  const slash = rel.lastIndexOf('/');
  const name =
    e.kind === 'whiteout'
      ? `${rel.slice(0, slash + 1)}.wh.${rel.slice(slash + 1)}`
      : e.kind === 'dir'
        ? `${rel}/`
        : rel;
  const base = { name, gnuLongName: name.length > 99 };
  switch (e.kind) {
    case 'dir':
      return { ...base, type: '5', mode: 0o755 };
    case 'symlink':
      return { ...base, type: '2', linkname: e.linkTarget ?? '', mode: 0o777 };
    case 'whiteout':
      return { ...base, data: '' };
    case 'file':
      return { ...base, data: e.content ?? '' };
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes a docker-archive (`docker save` layout) with one uncompressed tar per layer. */
export function writeDockerArchive(path: string, repoTag: string, layers: readonly LayerSpec[]): void {
  const tars = layers.map((l) => buildTar(l.entries.map(tarEntry)));
  const diffIds = tars.map((t) => `sha256:${sha256(t)}`);
  const config = new TextEncoder().encode(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      created: '2024-01-01T00:00:00Z',
      rootfs: { type: 'layers', diff_ids: diffIds },
      history: layers.map((l) => ({ created: '2024-01-01T00:00:00Z', created_by: l.createdBy })),
    }),
  );
  const configName = `${sha256(config)}.json`;
  const layerNames = tars.map((t) => `${sha256(t)}/layer.tar`);
  const manifest = JSON.stringify([{ Config: configName, RepoTags: [repoTag], Layers: layerNames }]);
  const outer = buildTar([
    { name: 'manifest.json', data: manifest },
    { name: configName, data: config },
    ...tars.map((data, i) => ({ name: layerNames[i]!, data })),
  ]);
  writeFileSync(path, outer);
}

/** The `tree.txt` manifests of fixtures/packages ("d PATH", "f PATH", "l PATH -> TARGET"); files are empty. */
export function treeEntries(file: string): SpecEntry[] {
  return parseTreeManifest(readFileSync(join(PACKAGES, file), 'utf8'))
    .filter((e) => e.path !== '/' && e.path !== '')
    .map(({ path, kind, linkTarget }) => (kind === 'symlink' ? { path, kind, linkTarget } : { path, kind }));
}

/** The path with its directory part's symlinks followed (as listed, not as on disk): where a tar of the root stores it. */
function realPath(path: string, links: ReadonlyMap<string, string>): string {
  const step = (at: string): PathStep => {
    const linkTarget = links.get(at);
    return linkTarget === undefined ? { kind: 'dir' } : { kind: 'symlink', linkTarget };
  };
  return resolveInImage(path, step, { followLast: false }) ?? path;
}

/**
 * tree.txt lists paths as seen through the merged-/usr links (/bin/dash is /usr/bin/dash): each
 * entry goes to its real place, missing parent directories first, each path once.
 */
export function withParents(entries: readonly SpecEntry[]): SpecEntry[] {
  const links = new Map(entries.filter((e) => e.kind === 'symlink').map((e) => [e.path, e.linkTarget!]));
  const seen = new Set<string>();
  const out: SpecEntry[] = [];
  for (const e of entries) {
    const path = realPath(e.path, links);
    const parts = path.split('/').slice(1, -1);
    for (let i = 1; i <= parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (!seen.has(dir)) {
        seen.add(dir);
        out.push({ path: dir, kind: 'dir' });
      }
    }
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ ...e, path });
  }
  return out;
}

/** The Debian 12 minbase+curl root of fixtures/packages/dpkg: merged /usr, its dpkg admin directory. */
export function dpkgRootLayer(): SpecEntry[] {
  const admin = join(PACKAGES, 'dpkg/admin');
  const info = readdirSync(join(admin, 'info')).sort();
  return withParents([
    ...treeEntries('dpkg/tree.txt').filter((e) => !e.path.startsWith('/var/lib/dpkg')),
    { path: '/var/lib/dpkg/status', kind: 'file', content: readFileSync(join(admin, 'status')) },
    { path: '/var/lib/dpkg/diversions', kind: 'file', content: readFileSync(join(admin, 'diversions')) },
    ...info.map((name): SpecEntry => ({
      path: `/var/lib/dpkg/info/${name}`,
      kind: 'file',
      content: readFileSync(join(admin, 'info', name)),
    })),
  ]);
}

/** The rpm root of fixtures/packages/rpm (greet, zlib1g) with its sqlite database where rpm put it. */
export function rpmRootLayer(): SpecEntry[] {
  return withParents([
    ...treeEntries('rpm/tree.txt'),
    {
      path: '/var/lib/rpm/rpmdb.sqlite',
      kind: 'file',
      content: readFileSync(join(PACKAGES, 'rpm/rpmdb.sqlite')),
    },
  ]);
}

export function readPackagesFixture(file: string): string {
  return readFileSync(join(PACKAGES, file), 'utf8');
}

/**
 * Lays out under `root` what an rpm database says is installed (`rpm -qa --qf
 * '[%{FILEMODES:perms}\t%{FILENAMES}\t%{FILELINKTOS}\n]'` lines): directories, symlinks and
 * empty files, parents before children, so a package's /bin -> usr/bin is in place before the
 * files other packages list under /bin.
 */
export function layOutRpmFiles(root: string, listing: string): void {
  const rows = listing
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t') as [string, string, string])
    .sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  const links = new Map(
    rows.filter(([perms]) => perms.startsWith('l')).map(([, path, target]) => [path, target]),
  );
  for (const [perms, path, target] of rows) {
    const full = join(root, realPath(path, links));
    if (lstatExists(full)) continue;
    mkdirSync(dirname(full), { recursive: true });
    if (perms.startsWith('d')) mkdirSync(full, { recursive: true });
    else if (perms.startsWith('l')) symlinkSync(target, full);
    else writeFileSync(full, '');
  }
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The entries of a directory tree on disk (file contents included), for a layer of it. */
export function entriesFromDisk(root: string): SpecEntry[] {
  const out: SpecEntry[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = `${rel}/${name}`;
      const stat = lstatSync(join(root, path));
      if (stat.isSymbolicLink())
        out.push({ path, kind: 'symlink', linkTarget: readlinkSync(join(root, path)) });
      else if (stat.isDirectory()) {
        out.push({ path, kind: 'dir' });
        walk(path);
      } else out.push({ path, kind: 'file', content: readFileSync(join(root, path)) });
    }
  };
  walk('');
  return out;
}
