/**
 * One entry of a layer tar (or of the outer archive tar), as the streaming tar reader reports it.
 * Paths are absolute and normalized ("/usr/bin/x", no trailing slash, no "." or ".." parts);
 * the root directory itself is "/".
 */
export type EntryKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'other';

export interface TarEntry {
  /** Absolute normalized path, e.g. "/etc/os-release". Whiteout markers keep their ".wh." name here. */
  readonly path: string;
  readonly kind: EntryKind;
  /** Permission bits only (mode & 0o7777): setuid 0o4000, setgid 0o2000, sticky 0o1000 kept. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Bytes of content stored in the tar (0 for everything but regular files). */
  readonly size: number;
  /** Seconds since the epoch; may be fractional or negative. */
  readonly mtime: number;
  /** Symlink target as written, or for hardlinks the absolute normalized path of the link target. */
  readonly linkTarget: string;
  readonly uname: string;
  readonly gname: string;
  readonly devMajor: number;
  readonly devMinor: number;
  /** Extended attributes from PAX SCHILY.xattr.* / LIBARCHIVE.xattr.* (values are raw bytes). */
  readonly xattrs: Readonly<Record<string, Uint8Array>> | undefined;
  /** Offset of the entry's content in the uncompressed tar stream (for lazy reads of file contents). */
  readonly dataOffset: number;
  /** Offset of the entry's first header (PAX/GNU headers included) in the uncompressed tar stream. */
  readonly headerOffset: number;
  /** For GNU sparse files: the real (expanded) size; otherwise equal to size. */
  readonly realSize: number;
}
