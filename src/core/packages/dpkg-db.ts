/**
 * dpkg's database (docs/package-databases.md#dpkg): `/var/lib/dpkg/status` with `info/<pkg>.list`, or
 * distroless' `status.d/<pkg>` stanzas with `<pkg>.md5sums`, plus `diversions`.
 */
import type { ImageFs } from '../model/image-fs';
import type { Stanza } from './deb822';
import { looksLikeControl, parseStanzas } from './deb822';
import { readImageFileHead, readImageText } from './image-file';
import type { Diversion, InstalledFile, InstalledPackage, PackageDb } from './package-types';
import { FILE_FLAG } from './package-types';
import type { Said } from '../model/said';
import { packageError, packageSaid, warn } from './package-sentences';

export const DPKG_DIR = '/var/lib/dpkg';

export interface DetectedDpkgDb {
  readonly path: string;
  readonly format: 'dpkg-status' | 'dpkg-status.d';
}

const utf8 = new TextDecoder('utf-8');

export async function detectDpkgDb(fs: ImageFs): Promise<DetectedDpkgDb | undefined> {
  const status = await readImageFileHead(fs, `${DPKG_DIR}/status`, 4096);
  if (status !== undefined && looksLikeControl(utf8.decode(status))) {
    return { path: `${DPKG_DIR}/status`, format: 'dpkg-status' };
  }
  const names = (await fs.list(`${DPKG_DIR}/status.d`)) ?? [];
  for (const name of names) {
    if (name.endsWith('.md5sums')) continue;
    const head = await readImageFileHead(fs, `${DPKG_DIR}/status.d/${name}`, 4096);
    if (head !== undefined && looksLikeControl(utf8.decode(head))) {
      return { path: `${DPKG_DIR}/status.d`, format: 'dpkg-status.d' };
    }
  }
  return undefined;
}

export async function readDpkgDb(fs: ImageFs, found: DetectedDpkgDb): Promise<PackageDb | Error> {
  const admin = found.path.slice(0, found.path.lastIndexOf('/'));
  const warnings: string[] = [];
  const warningSentences: Said[] = [];
  const packages: InstalledPackage[] = [];
  if (found.format === 'dpkg-status') {
    const text = await readImageText(fs, found.path);
    if (text === undefined) return packageError('dpkg-unreadable', { path: found.path });
    for (const stanza of parseStanzas(text)) {
      // Only "install ok installed" packages have files; "deinstall ok config-files" and the like do not.
      if (!isInstalled(stanza)) continue;
      const files = await readList(fs, admin, stanza);
      if (files === undefined)
        warn(
          warnings,
          warningSentences,
          packageSaid('dpkg-no-files', { name: stanza.get('package') ?? '?' }),
        );
      packages.push(toPackage(stanza, files ?? [], conffiles(stanza)));
    }
  } else {
    for (const name of (await fs.list(found.path)) ?? []) {
      if (name.endsWith('.md5sums')) continue;
      const text = await readImageText(fs, `${found.path}/${name}`);
      if (text === undefined) continue;
      // Distroless writes one stanza per file and no Status field.
      for (const stanza of parseStanzas(text)) {
        if (stanza.has('status') && !isInstalled(stanza)) continue;
        const files = await readMd5sums(fs, `${found.path}/${name}.md5sums`);
        packages.push(toPackage(stanza, files, conffiles(stanza)));
      }
    }
  }
  const diversions = parseDiversions((await readImageText(fs, `${admin}/diversions`)) ?? '');
  return {
    manager: 'dpkg',
    format: found.format,
    location: found.path,
    packages,
    diversions,
    warnings,
    warningSentences,
  };
}

function isInstalled(stanza: Stanza): boolean {
  return (stanza.get('status') ?? '').split(/\s+/)[2] === 'installed';
}

/** `info/<pkg>:<arch>.list` for Multi-Arch: same packages (libc6:amd64.list), `info/<pkg>.list` otherwise. */
async function readList(fs: ImageFs, admin: string, stanza: Stanza): Promise<string[] | undefined> {
  const name = stanza.get('package') ?? '';
  const arch = stanza.get('architecture') ?? '';
  const text =
    (await readImageText(fs, `${admin}/info/${name}:${arch}.list`)) ??
    (await readImageText(fs, `${admin}/info/${name}.list`));
  if (text === undefined) return undefined;
  // "/." is how dpkg lists the root directory.
  return text.split('\n').filter((line) => line !== '' && line !== '/.');
}

/** Distroless has only md5sums ("md5  relative/path"): regular files, no directories or symlinks. */
async function readMd5sums(fs: ImageFs, path: string): Promise<string[]> {
  const text = (await readImageText(fs, path)) ?? '';
  const paths: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^[0-9a-f]+ {1,2}(.+)$/.exec(line);
    if (match) paths.push(`/${match[1]!.replace(/^\/+/, '')}`);
  }
  return paths;
}

function conffiles(stanza: Stanza): Set<string> {
  const paths = new Set<string>();
  for (const line of (stanza.get('conffiles') ?? '').split('\n')) {
    const path = line.trim().split(/\s+/)[0];
    if (path?.startsWith('/')) paths.add(path);
  }
  return paths;
}

function toPackage(stanza: Stanza, paths: readonly string[], config: ReadonlySet<string>): InstalledPackage {
  const name = stanza.get('package') ?? '';
  const fullVersion = stanza.get('version') ?? '';
  const colon = fullVersion.indexOf(':');
  const epoch = colon > 0 ? Number(fullVersion.slice(0, colon)) : undefined;
  const files: InstalledFile[] = paths.map((path) => ({
    path,
    flags: config.has(path) ? FILE_FLAG.config : 0,
    installed: true,
    digest: '',
    linkTarget: '',
  }));
  return {
    manager: 'dpkg',
    name,
    epoch: epoch !== undefined && Number.isFinite(epoch) ? epoch : undefined,
    version: colon > 0 ? fullVersion.slice(colon + 1) : fullVersion,
    release: '',
    arch: stanza.get('architecture') ?? '',
    // "Source: openssl (3.0.11-1~deb12u2)" when the binary version differs from the source's.
    sourcePackage: (stanza.get('source') ?? name).split(' ')[0] ?? name,
    license: '',
    vendor: '',
    installedSize: Number(stanza.get('installed-size') ?? '0') * 1024 || 0,
    multiArchSame: stanza.get('multi-arch') === 'same',
    files,
  };
}

/** Three lines a record: original path, diverted-to path, diverting package (":" = local). */
export function parseDiversions(text: string): Diversion[] {
  const lines = text.split('\n');
  const out: Diversion[] = [];
  for (let i = 0; i + 2 < lines.length; i += 3) {
    const from = lines[i]!;
    const to = lines[i + 1]!;
    const by = lines[i + 2]!;
    if (from === '' || to === '') break;
    out.push({ from, to, by: by === ':' ? undefined : by });
  }
  return out;
}
