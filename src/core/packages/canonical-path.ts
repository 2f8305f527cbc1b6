/**
 * Merged-/usr canonicalisation (linkage-and-packages.md §6.2): resolve symlinks in the directory part
 * only, inside the image, and keep the last component, so `/lib/x86_64-linux-gnu/libc.so.6` (as libc6
 * lists it) and `/usr/lib/x86_64-linux-gnu/libc.so.6` (as the loader may find it) meet, while a
 * symlink itself stays ownable. Directories are resolved once and cached: an image has far fewer
 * directories than files.
 */
import type { ImageFs } from '../model/image-fs';

/** "/a//b/./c/../d/" → "/a/b/d"; ".." never climbs above "/". */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export class PathCanonicaliser {
  private readonly dirs = new Map<string, Promise<string>>();

  constructor(private readonly fs: ImageFs) {}

  /** The path with its directory part resolved; the final component kept as it is. */
  async canonical(path: string): Promise<string> {
    const normal = normalizePath(path);
    if (normal === '/') return '/';
    const slash = normal.lastIndexOf('/');
    const dir = await this.directory(slash === 0 ? '/' : normal.slice(0, slash));
    return dir === '/' ? normal.slice(slash) : dir + normal.slice(slash);
  }

  /** Every symlink resolved, the final one too; undefined when the path is not in the image. */
  realpath(path: string): Promise<string | undefined> {
    return this.fs.realpath(normalizePath(path));
  }

  private directory(dir: string): Promise<string> {
    let resolved = this.dirs.get(dir);
    if (resolved === undefined) {
      resolved = this.resolveDirectory(dir);
      this.dirs.set(dir, resolved);
    }
    return resolved;
  }

  /** A directory missing from the image (e.g. of files rpm did not install) keeps its name under its resolved parent. */
  private async resolveDirectory(dir: string): Promise<string> {
    if (dir === '/') return '/';
    const real = await this.fs.realpath(dir);
    if (real !== undefined) return real;
    return this.canonical(dir);
  }
}
