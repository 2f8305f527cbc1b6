/**
 * Paths inside an image: the one place ".." is collapsed and symlinks are followed. Tar names are untrusted
 * ("./etc/x", "/etc/x", "etc//x/", "../../x" all occur, docs/archive-formats.md#names): every path becomes absolute
 * and normal, and ".." never climbs above the root, the way a chroot sees it.
 */

/** The components of a path, without empty and "." ones (".." kept). */
export function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.');
}

/** "/a//b/./c/../d/" → "/a/b/d"; `escaped` says a ".." tried to climb above the root. */
export function normalizeTarPath(name: string): { path: string; escaped: boolean } {
  const parts: string[] = [];
  let escaped = false;
  for (const part of splitPath(name)) {
    if (part !== '..') parts.push(part);
    else if (parts.length === 0) escaped = true;
    else parts.pop();
  }
  return { path: '/' + parts.join('/'), escaped };
}

/** Absolute, normal, no trailing slash: the form every path of an image is keyed by. */
export function normalizePath(path: string): string {
  // Fast path for the usual already-normal path ("/." also catches dot-files, which then take the slow path).
  if (
    path.startsWith('/') &&
    !path.includes('//') &&
    !path.includes('/.') &&
    (path.length === 1 || !path.endsWith('/'))
  ) {
    return path;
  }
  return normalizeTarPath(path).path;
}

/** Parent directory of a normalized absolute path ("/" for top-level entries and for "/" itself). */
export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** Last component of a normalized absolute path ("" for "/"). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Join a link target onto the directory holding the link, normalizing the result inside the root. */
export function resolveRelative(dir: string, target: string): string {
  return normalizePath(target.startsWith('/') ? target : `${dir}/${target}`);
}

/** Linux gives up after 40 symlinks in one lookup (ELOOP, MAXSYMLINKS). */
export const MAX_SYMLINKS = 40;

/** What a lookup finds at one path while a path is resolved: nothing, a symlink, a directory or another node. */
export type PathStep =
  undefined | { readonly kind: 'symlink'; readonly linkTarget: string } | { readonly kind: 'dir' | 'other' };

export interface ResolveOptions {
  /** Follow a symlink in the final component too (realpath); else keep it (lstat of the parent). */
  readonly followLast: boolean;
  /** A missing final component yields its path under the resolved parent instead of undefined. */
  readonly keepMissingLast?: boolean;
}

/**
 * Resolves every symlink in `path` inside the image, as the kernel does under chroot: an absolute target restarts
 * at the root, ".." applies to the path resolved so far (physically) and stops at "/". Undefined when a component is
 * missing, a non-directory has components below it, or more than MAX_SYMLINKS links are followed.
 */
export function resolveInImage(
  path: string,
  lookup: (path: string) => PathStep,
  options: ResolveOptions,
): string | undefined {
  const pending = splitPath(path).reverse();
  const resolved: string[] = [];
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.pop()!;
    if (part === '..') {
      resolved.pop();
      continue;
    }
    resolved.push(part);
    const isLast = pending.length === 0;
    const step = lookup(`/${resolved.join('/')}`);
    if (step === undefined)
      return isLast && options.keepMissingLast === true ? `/${resolved.join('/')}` : undefined;
    if (step.kind === 'symlink' && (options.followLast || !isLast)) {
      if (++hops > MAX_SYMLINKS) return undefined;
      resolved.pop();
      if (step.linkTarget.startsWith('/')) resolved.length = 0;
      pending.push(...splitPath(step.linkTarget).reverse());
    } else if (step.kind === 'other' && !isLast) {
      return undefined;
    }
  }
  return `/${resolved.join('/')}`;
}
