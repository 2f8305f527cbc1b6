/**
 * Alpine's `/lib/apk/db/installed` (apk-tools src/database.c, src/package.c): packages separated by
 * blank lines, "X:value" lines. `F:` opens a directory context **without a leading slash**, and the
 * `R:` lines after it are files in that directory; `Z:` is the digest of the file before it.
 */
import type { ImageFs } from '../model/image-fs';
import { readImageFileHead, readImageText } from './image-file';
import type { InstalledFile, InstalledPackage, PackageDb } from './package-types';
import type { Said } from '../model/said';
import { packageError, packageSaid, warn } from './package-sentences';

export const APK_INSTALLED = '/lib/apk/db/installed';

const utf8 = new TextDecoder('utf-8');

/** The file starts with a package record: a "C:" checksum or "P:" name line. */
export async function detectApkDb(
  fs: ImageFs,
): Promise<{ path: string; format: 'apk-installed' } | undefined> {
  const head = await readImageFileHead(fs, APK_INSTALLED, 256);
  if (head === undefined || !/^(?:\s*\n)*[CP]:/.test(utf8.decode(head))) return undefined;
  return { path: APK_INSTALLED, format: 'apk-installed' };
}

export async function readApkDb(fs: ImageFs, path: string): Promise<PackageDb | Error> {
  const text = await readImageText(fs, path);
  if (text === undefined) return packageError('apk-unreadable', { path });
  return { ...parseApkInstalled(text), location: path };
}

interface Draft {
  fields: Map<string, string>;
  files: { path: string; digest: string }[];
}

export function parseApkInstalled(text: string): PackageDb {
  const packages: InstalledPackage[] = [];
  const warnings: string[] = [];
  const warningSentences: Said[] = [];
  let draft: Draft = { fields: new Map(), files: [] };
  let dir = '';
  const finish = (): void => {
    if (draft.fields.size === 0) return;
    const name = draft.fields.get('P') ?? '';
    if (name === '') warn(warnings, warningSentences, packageSaid('apk-no-name'));
    else packages.push(toPackage(name, draft));
    draft = { fields: new Map(), files: [] };
    dir = '';
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      finish();
      continue;
    }
    if (line.length < 2 || line[1] !== ':') continue;
    const key = line[0]!;
    const value = line.slice(2);
    if (key === 'F') dir = value.replace(/^\/+|\/+$/g, '');
    else if (key === 'R')
      draft.files.push({ path: dir === '' ? `/${value}` : `/${dir}/${value}`, digest: '' });
    else if (key === 'Z') {
      const last = draft.files.at(-1);
      if (last) last.digest = value;
    } else if (!draft.fields.has(key)) draft.fields.set(key, value);
  }
  finish();
  return {
    manager: 'apk',
    format: 'apk-installed',
    location: '',
    packages,
    diversions: [],
    warnings,
    warningSentences,
  };
}

function toPackage(name: string, draft: Draft): InstalledPackage {
  const files: InstalledFile[] = draft.files.map((file) => ({
    path: file.path,
    flags: 0,
    installed: true,
    digest: file.digest,
    linkTarget: '',
  }));
  return {
    manager: 'apk',
    name,
    epoch: undefined,
    version: draft.fields.get('V') ?? '',
    release: '',
    arch: draft.fields.get('A') ?? '',
    sourcePackage: draft.fields.get('o') ?? name,
    license: draft.fields.get('L') ?? '',
    vendor: '',
    installedSize: Number(draft.fields.get('I') ?? '0') || 0,
    multiArchSame: false,
    files,
  };
}
