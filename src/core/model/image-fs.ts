/**
 * A read-only view of one image's merged filesystem (at some layer), the way the linkage and package
 * readers see it. Implemented over the layer index in the worker and the CLI, and over a plain
 * directory in tests (a real unpacked rootfs), so the loader emulation can be compared with `chroot ldd`.
 *
 * Paths are absolute. Nothing here follows symlinks implicitly except `realpath` and `stat`; every
 * symlink resolution stays inside the image (an absolute target is taken relative to the image root,
 * ".." never climbs above "/").
 */
import type { EntryKind } from './tar-entry';

export interface FsNode {
  /** The absolute path as asked for (not resolved). */
  readonly path: string;
  readonly kind: EntryKind;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  /** Symlink target as stored (only for kind "symlink"). */
  readonly linkTarget: string;
  /** Index of the layer that put this node there (0 = base layer); -1 when unknown (e.g. a plain directory). */
  readonly layer: number;
}

export interface ImageFs {
  /** The node at exactly this path, without following a final symlink; undefined when absent. */
  lstat(path: string): Promise<FsNode | undefined>;
  /** Resolve every symlink in the path (inside the image); undefined when a component is missing or a loop is found. */
  realpath(path: string): Promise<string | undefined>;
  /** Up to `length` bytes of a regular file from `offset` (following symlinks); undefined when absent or not a file. */
  read(path: string, offset: number, length: number): Promise<Uint8Array | undefined>;
  /** Names (not paths) of the entries of a directory (following symlinks), sorted; undefined when not a directory. */
  list(path: string): Promise<readonly string[] | undefined>;
  /**
   * Optional, for views that hold the whole tree: the regular files (hardlinks to one included) a walk with
   * `list` and `lstat` from "/" reaches through real directories, not entering the directories `skip` names,
   * each with its size and a reader of its bytes (as `read` gives them), in any order. Undefined when the tree
   * holds more than `limit` paths (a walk then stops at its own limit) or the view cannot tell without walking.
   */
  regularFiles?(skip: ReadonlySet<string>, limit: number): readonly RegularFile[] | undefined;
}

export interface RegularFile {
  readonly path: string;
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array | undefined>;
  /**
   * Optional: the bytes `read` would give, at once, when the view holds them (kept by the index pass);
   * undefined when they must be read. A walk over the first bytes of every file then awaits nothing.
   */
  peek?(offset: number, length: number): Uint8Array | undefined;
}
