/**
 * `strata owner [--image NAME] [--layer N] [--json] ARCHIVE PATH...`: which package owns a file,
 * answered the way the image's own tool would (`rpm -qf`, `dpkg -S`, `apk info --who-owns`), with
 * the same wording and exit status 1 when a path has no owner.
 *
 * Where dpkg's literal lookup finds the path, its answer is printed as dpkg prints it. Where it
 * would not (merged /usr: libc6 lists /lib/…, the loader says /usr/lib/…), strata still names the
 * owner, matched after resolving the directory part inside the image, and for a symlink no package
 * lists, the owner of its target (with a note on stderr).
 */
import {
  formatDpkgS,
  formatRpmQf,
  type InstalledPackage,
  type OwnerIndex,
  type OwnerResult,
  buildOwnerIndex,
  PathCanonicaliser,
  type PackageDb,
  type PackageManager,
} from '../../core';
import { UsageError, type CliIo, type Command } from '../cli-io';
import { parseArgs } from '../args';
import { layerOption, openStack } from './diff-stack';
import { readLayerDbs } from './packages-dbs';

export const OWNER_USAGE =
  'usage: strata owner [--image NAME] [--platform OS/ARCH] [--layer N] [--json] ARCHIVE PATH...';

interface Answer {
  /** Lines for stdout and for stderr, as the native tool splits them. */
  readonly out: string;
  readonly err: string;
  readonly owned: boolean;
}

function ownerLine(
  manager: PackageManager,
  path: string,
  owners: readonly InstalledPackage[],
  index: OwnerIndex,
  exists: boolean,
): string {
  switch (manager) {
    case 'dpkg': {
      // dpkg's own answer when its literal lookup finds the path; otherwise strata's, in its form.
      const literal = index.listedAt(path).filter((pkg) => pkg.manager === 'dpkg');
      return formatDpkgS(path, literal.length > 0 ? literal : owners, index.diversions);
    }
    case 'rpm':
      return formatRpmQf(path, owners, exists);
    case 'apk':
      return owners
        .filter((pkg) => pkg.manager === 'apk')
        .map((pkg) => `${path} is owned by ${pkg.name}-${pkg.version}`)
        .join('\n');
  }
}

/** The "not owned" wording of the image's first database's tool, on the stream that tool uses. */
function notOwned(manager: PackageManager, path: string, index: OwnerIndex, exists: boolean): Answer {
  switch (manager) {
    case 'dpkg': {
      const text = formatDpkgS(path, [], index.diversions);
      // Diversion lines alone are an answer for dpkg -S (it exits 0 on them).
      if (!text.startsWith('dpkg-query:')) return { out: `${text}\n`, err: '', owned: true };
      return { out: '', err: `${text}\n`, owned: false };
    }
    case 'rpm': {
      const text = `${formatRpmQf(path, [], exists)}\n`;
      return exists ? { out: text, err: '', owned: false } : { out: '', err: text, owned: false };
    }
    case 'apk':
      return { out: '', err: `ERROR: ${path}: Could not find owner package\n`, owned: false };
  }
}

/**
 * rpm -qf prints a package once per file record that matches, so a package listing both
 * /sbin/poweroff and /usr/sbin/poweroff (merged /usr) is printed twice for either path.
 */
async function perRecord(
  owners: readonly InstalledPackage[],
  canonicalPath: string,
  canonicaliser: PathCanonicaliser,
): Promise<InstalledPackage[]> {
  const name = canonicalPath.slice(canonicalPath.lastIndexOf('/'));
  const out: InstalledPackage[] = [];
  for (const pkg of owners) {
    let records = 0;
    if (pkg.manager === 'rpm')
      for (const file of pkg.files)
        if (
          file.installed &&
          file.path.endsWith(name) &&
          (await canonicaliser.canonical(file.path)) === canonicalPath
        )
          records++;
    for (let i = 0; i < Math.max(1, records); i++) out.push(pkg);
  }
  return out;
}

async function answer(
  result: OwnerResult,
  index: OwnerIndex,
  dbs: readonly PackageDb[],
  exists: boolean,
  canonicaliser: PathCanonicaliser,
): Promise<Answer> {
  const at = result.match === 'symlink-target' ? result.targetPath! : result.canonicalPath;
  const owners = await perRecord(index.ownersAt(at), at, canonicaliser);
  if (owners.length === 0) return notOwned(dbs[0]!.manager, result.path, index, exists);
  const managers = [...new Set(owners.map((pkg) => pkg.manager))];
  const out = managers.map((m) => ownerLine(m, result.path, owners, index, exists)).join('\n');
  const err =
    result.match === 'symlink-target'
      ? `note: no package lists ${result.path}; it is a symlink to ${at}, which ${owners.length > 1 ? 'they own' : 'it owns'}.\n`
      : '';
  return { out: `${out}\n`, err, owned: true };
}

function write(io: CliIo, a: Answer): void {
  if (a.out !== '') io.stdout(a.out);
  if (a.err !== '') io.stderr(a.err);
}

export const owner: Command = async (args, io) => {
  const parsed = parseArgs(args, { values: ['--image', '--platform', '--layer'], booleans: ['--json'] });
  const [archive, ...paths] = parsed.positionals;
  if (!archive || paths.length === 0) throw new UsageError(OWNER_USAGE);
  const opened = await openStack(archive, parsed);
  try {
    const layer = layerOption(parsed, opened.stack);
    const { fs, dbs } = await readLayerDbs(opened, layer, io);
    const index = await buildOwnerIndex(fs, dbs);
    const canonicaliser = new PathCanonicaliser(fs);
    let allOwned = true;
    const results: (OwnerResult & { readonly layer: number })[] = [];
    for (const path of paths) {
      const result = await index.ownerOf(path);
      const exists = (await fs.lstat(result.canonicalPath)) !== undefined;
      const a = await answer(result, index, dbs, exists, canonicaliser);
      allOwned &&= a.owned;
      if (parsed.flags.has('--json')) results.push({ ...result, layer });
      else write(io, a);
    }
    if (parsed.flags.has('--json'))
      io.stdout(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
    return allOwned ? 0 : 1;
  } finally {
    await opened.source.close();
  }
};
