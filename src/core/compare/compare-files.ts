/**
 * Files, old against new: counts, bytes, the largest changes, changes per directory and new setuid files,
 * from the layer stacks' final trees (compareTrees: equal type, size, mode, owner, link target, xattrs and
 * mtime mean "unchanged"; there are no content hashes).
 */
import { compareTrees, type ChangedPath, type LayerNode, type LayerStack } from '../layers';
import type { DirectoryChange, FileChangeKind, FilesCompare, LargestFile, SetuidFile } from './compare-types';

export const LARGEST_FILES = 20;
/** Changed paths kept per directory for the page's directory filter, largest first. */
export const FILES_PER_DIRECTORY = 100;
/** Directories are grouped this many levels deep: /usr/lib, /etc/ssl. */
const DIRECTORY_DEPTH = 2;
const SETID_BITS = 0o6000;

const bytesOf = (node: LayerNode | undefined): number => (node?.kind === 'file' ? node.size : 0);

export function directoryOf(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  parts.pop();
  return parts.length === 0 ? '/' : `/${parts.slice(0, DIRECTORY_DEPTH).join('/')}`;
}

function formatMode(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

/** A regular file that gained setuid or setgid: new with the bit, or the bit is new on it. */
function newSetuid(change: ChangedPath): SetuidFile | undefined {
  const node = change.node;
  if (change.change === 'removed' || node.kind !== 'file') return undefined;
  const bits = node.mode & SETID_BITS;
  if (bits === 0) return undefined;
  const before = change.before?.kind === 'file' ? change.before.mode & SETID_BITS : 0;
  return (bits & ~before) === 0 ? undefined : { path: change.path, mode: formatMode(node.mode) };
}

/**
 * The changed non-directory paths of each byDirectory entry, largest first, at most FILES_PER_DIRECTORY
 * each (the page lists a directory's files when it is picked; the JSON keeps counts only).
 */
export interface DirectoryFiles {
  readonly files: readonly LargestFile[];
  /** How many changed paths the directory has in all. */
  readonly total: number;
}

export interface FilesListing {
  readonly files: FilesCompare;
  readonly byDirectory: ReadonlyMap<string, DirectoryFiles>;
}

const bySizeThenPath = (a: LargestFile, b: LargestFile) => b.size - a.size || (a.path < b.path ? -1 : 1);

/** The JSON's files section, and each directory's changed paths for the page. */
export function listFileChanges(oldStack: LayerStack, newStack: LayerStack): FilesListing {
  const set = compareTrees(oldStack, newStack);
  const notDir = (c: ChangedPath) => c.node.kind !== 'dir';
  const lists: Record<FileChangeKind, ChangedPath[]> = {
    added: set.added.filter(notDir),
    modified: set.modified.filter(notDir),
    removed: set.removed.filter(notDir),
  };
  const largest: LargestFile[] = [];
  const directories = new Map<string, { added: number; modified: number; removed: number; bytes: number }>();
  const setuid: SetuidFile[] = [];
  const paths = new Map<string, LargestFile[]>();
  for (const change of ['added', 'modified', 'removed'] as const) {
    for (const c of lists[change]) {
      const size = bytesOf(c.node);
      if (c.node.kind === 'file') largest.push({ path: c.path, change, size });
      const dir = directoryOf(c.path);
      const inDir = paths.get(dir) ?? [];
      inDir.push({ path: c.path, change, size });
      paths.set(dir, inDir);
      const totals = directories.get(dir) ?? { added: 0, modified: 0, removed: 0, bytes: 0 };
      totals[change]++;
      totals.bytes += change === 'removed' ? -size : change === 'added' ? size : size - bytesOf(c.before);
      directories.set(dir, totals);
      const found = newSetuid(c);
      if (found) setuid.push(found);
    }
  }
  largest.sort(bySizeThenPath);
  const byDirectory: DirectoryChange[] = [...directories]
    .map(([path, t]) => ({ path, ...t }))
    .sort((a, b) => Math.abs(b.bytes) - Math.abs(a.bytes) || (a.path < b.path ? -1 : 1));
  const files: FilesCompare = {
    added: lists.added.length,
    modified: lists.modified.length,
    removed: lists.removed.length,
    addedBytes: lists.added.reduce((sum, c) => sum + bytesOf(c.node), 0),
    removedBytes: lists.removed.reduce((sum, c) => sum + bytesOf(c.node), 0),
    largest: largest.slice(0, LARGEST_FILES),
    byDirectory,
    newSetuid: setuid.sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
  const listing = new Map<string, DirectoryFiles>();
  for (const [dir, list] of paths)
    listing.set(dir, { files: list.sort(bySizeThenPath).slice(0, FILES_PER_DIRECTORY), total: list.length });
  return { files, byDirectory: listing };
}
