/**
 * Tar names are untrusted: "./etc/x", "/etc/x", "etc//x/", "../../x" all occur
 * (docs/archive-formats.md#names). Every name becomes an absolute, normalized path; ".." never climbs above
 * the root.
 */
export function normalizeTarPath(name: string): { path: string; escaped: boolean } {
  const parts: string[] = [];
  let escaped = false;
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) escaped = true;
      else parts.pop();
      continue;
    }
    parts.push(part);
  }
  return { path: '/' + parts.join('/'), escaped };
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

/** Join a relative link target onto a directory, normalizing the result inside the root. */
export function resolveRelative(dir: string, target: string): string {
  return normalizeTarPath(target.startsWith('/') ? target : `${dir}/${target}`).path;
}
