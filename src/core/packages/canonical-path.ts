/**
 * Merged-/usr canonicalisation (docs/package-databases.md#ownership-and-merged-usr): resolve symlinks in the
 * directory part only, inside the image, and keep the last component, so `/lib/x86_64-linux-gnu/libc.so.6`
 * (as libc6 lists it) and `/usr/lib/x86_64-linux-gnu/libc.so.6` (as the loader may find it) meet, while a
 * symlink itself stays ownable. Directories are resolved once and cached: an image has far fewer directories
 * than files.
 */
import type { ImageFs } from '../model/image-fs';
import { normalizePath } from '../model/path';

export class PathCanonicaliser {
  private readonly dirs = new Map<string, Promise<string>>();
  /** The settled part of `dirs`, for look-ups that need no await. */
  private readonly settled = new Map<string, string>([['/', '/']]);

  constructor(private readonly fs: ImageFs) {}

  /** The path with its directory part resolved; the final component kept as it is. */
  async canonical(path: string): Promise<string> {
    const normal = normalizePath(path);
    const known = this.canonicalIfKnown(normal);
    if (known !== undefined) return known;
    const slash = normal.lastIndexOf('/');
    const dir = await this.directory(slash === 0 ? '/' : normal.slice(0, slash));
    return dir === '/' ? normal.slice(slash) : dir + normal.slice(slash);
  }

  /** The same without waiting, when the directory is already resolved (see `prepare`); else undefined. */
  canonicalIfKnown(normalPath: string): string | undefined {
    if (normalPath === '/') return '/';
    const slash = normalPath.lastIndexOf('/');
    const dir = this.settled.get(slash === 0 ? '/' : normalPath.slice(0, slash));
    if (dir === undefined) return undefined;
    return dir === '/' ? normalPath.slice(slash) : dir + normalPath.slice(slash);
  }

  /** Resolves the directories of many normalised paths up front, one await per distinct directory. */
  async prepare(normalPaths: Iterable<string>): Promise<void> {
    for (const path of normalPaths) {
      const slash = path.lastIndexOf('/');
      if (slash > 0 && !this.settled.has(path.slice(0, slash))) await this.directory(path.slice(0, slash));
    }
  }

  /** Every symlink resolved, the final one too; undefined when the path is not in the image. */
  realpath(path: string): Promise<string | undefined> {
    return this.fs.realpath(normalizePath(path));
  }

  private directory(dir: string): Promise<string> {
    let resolved = this.dirs.get(dir);
    if (resolved === undefined) {
      resolved = this.resolveDirectory(dir).then((real) => {
        this.settled.set(dir, real);
        return real;
      });
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
