/**
 * The merged tree at one layer as an ImageFs (model/image-fs.ts), for the linkage and package
 * readers. Symlinks resolve inside the image: an absolute target restarts at the image root and
 * ".." never climbs above "/". A resolved hardlink is the file it links to (that is what a reader
 * of the filesystem sees); its bytes come from the layer that wrote the target.
 */
import type { FsNode, ImageFs, RegularFile } from '../model/image-fs';
import { resolveInImage, splitPath, type PathStep } from '../model/path';
import type { TarEntry } from '../model/tar-entry';
import type { ContentReader } from './layer-types';
import { toNode } from './classify';
import { isDirVersion, ROOT, type PathTable, type Version } from './path-table';

/** "//", "/./", "/../" or a trailing "/": a path that must be split to be looked up. */
const UNCLEAN = /\/\/|\/\.\.?(?:\/|$)|.\/$/;

/**
 * The path as the table keys it ("/a/b"), ".." kept as a name. Clean paths come back as they are:
 * splitting every path of a tree thousands deep costs the square of its depth.
 */
function tableKey(path: string): string {
  return path.startsWith('/') && !UNCLEAN.test(path) ? path : `/${splitPath(path).join('/')}`;
}

export class ImageFsView implements ImageFs {
  constructor(
    private readonly table: PathTable,
    private readonly layer: number,
    private readonly reader: ContentReader | undefined,
  ) {}

  private versionOf(path: string): Version | undefined {
    const id = this.table.idOf(path);
    const version = id === undefined ? undefined : this.table.versionAt(id, this.layer);
    return version?.present === true ? version : undefined;
  }

  private fsNode(path: string, version: Version): FsNode {
    const node = toNode(path, version);
    const link = node.hardlink;
    if (link?.state !== 'resolved') {
      const { kind, mode, uid, gid, size, linkTarget, layer } = node;
      return { path, kind, mode, uid, gid, size, linkTarget, layer };
    }
    const target = link.entry;
    return {
      path,
      kind: target.kind,
      mode: node.mode,
      uid: node.uid,
      gid: node.gid,
      size: node.size,
      linkTarget: target.kind === 'symlink' ? target.linkTarget : '',
      layer: node.layer,
    };
  }

  lstat(path: string): Promise<FsNode | undefined> {
    const version = this.versionOf(tableKey(path));
    return Promise.resolve(version === undefined ? undefined : this.fsNode(path, version));
  }

  realpath(path: string): Promise<string | undefined> {
    return Promise.resolve(this.resolve(path));
  }

  private resolve(path: string): string | undefined {
    return this.direct(path) ?? resolveInImage(path, (current) => this.step(current), { followLast: true });
  }

  /**
   * A path with no symlink and no ".." on the way resolves to itself. Checked by climbing parent
   * ids rather than hashing every prefix, which costs the square of the depth (hostile layers nest
   * directories thousands deep).
   */
  private direct(path: string): string | undefined {
    if (path.includes('/..')) return undefined;
    const clean = tableKey(path);
    const id = this.table.idOf(clean);
    if (id === undefined) return undefined;
    const own = this.table.versionAt(id, this.layer);
    if (own?.present !== true || own.kind === 'symlink' || own.kind === 'hardlink') return undefined;
    for (let up = this.table.parents[id]!; up > 0; up = this.table.parents[up]!) {
      if (!isDirVersion(this.table.versionAt(up, this.layer))) return undefined;
    }
    return clean;
  }

  private step(path: string): PathStep {
    const version = this.versionOf(path);
    if (version === undefined) return undefined;
    const node = this.fsNode(path, version);
    if (node.kind === 'symlink') return { kind: 'symlink', linkTarget: node.linkTarget };
    return { kind: node.kind === 'dir' ? 'dir' : 'other' };
  }

  async read(path: string, offset: number, length: number): Promise<Uint8Array | undefined> {
    const real = this.resolve(path);
    return this.readVersion(real, real === undefined ? undefined : this.versionOf(real), offset, length);
  }

  /** @internal ViewFile's read. */
  async readVersion(
    path: string | undefined,
    version: Version | undefined,
    offset: number,
    length: number,
  ): Promise<Uint8Array | undefined> {
    const at = this.contentOf(path, version, offset, length);
    if (at === undefined || at instanceof Uint8Array) return at;
    return this.reader!(at.layer, at.entry, at.start, at.count);
  }

  /** @internal ViewFile's peek: the bytes readVersion gives, when the reader holds them at once. */
  peekVersion(path: string, version: Version, offset: number, length: number): Uint8Array | undefined {
    const peek = this.reader?.peek;
    if (peek === undefined) return undefined;
    const at = this.contentOf(path, version, offset, length);
    if (at === undefined || at instanceof Uint8Array) return at;
    return peek(at.layer, at.entry, at.start, at.count);
  }

  /** Where a read of a version's content goes: its entry and layer (a hardlink's target's), or its answer. */
  private contentOf(
    path: string | undefined,
    version: Version | undefined,
    offset: number,
    length: number,
  ): { layer: number; entry: TarEntry; start: number; count: number } | Uint8Array | undefined {
    const own = version?.entryAt(path);
    if (version === undefined || own === undefined) return undefined;
    const link = version.hardlink;
    const entry = link?.state === 'resolved' ? link.entry : own;
    const layer = link?.state === 'resolved' ? link.layer : version.layer;
    if (entry.kind !== 'file') return undefined;
    if (this.reader === undefined) {
      throw new Error('File contents are not available here: this view was opened without a content reader.');
    }
    const start = Math.max(0, offset);
    const count = Math.min(length, entry.realSize - start);
    if (count <= 0) return new Uint8Array(0);
    return { layer, entry, start, count };
  }

  /**
   * One pass over the path table (parents come before their children) instead of a lookup per path: a
   * directory's children count when it is reached and is a directory here, as `list` would list them.
   */
  regularFiles(skip: ReadonlySet<string>, limit: number): readonly RegularFile[] | undefined {
    const t = this.table;
    if (t.size > limit) return undefined;
    const open = new Uint8Array(t.size);
    open[ROOT] = isDirVersion(t.versionAt(ROOT, this.layer)) ? 1 : 0;
    const files: RegularFile[] = [];
    for (let id = ROOT + 1; id < t.size; id++) {
      if (open[t.parents[id]!] !== 1) continue;
      const version = t.versionAt(id, this.layer);
      if (version?.present !== true) continue;
      const path = t.paths[id]!;
      if (isDirVersion(version)) {
        if (!skip.has(path)) open[id] = 1;
        continue;
      }
      // Kind and size from the table's columns (or a resolved hardlink's target), as fsNode gives them,
      // without making an entry and a node for each of the image's files.
      const link = version.hardlink?.state === 'resolved' ? version.hardlink.entry : undefined;
      if ((link?.kind ?? version.kind) !== 'file') continue;
      files.push(new ViewFile(this, path, link === undefined ? version.fileBytes : link.realSize, version));
    }
    return files;
  }

  list(path: string): Promise<readonly string[] | undefined> {
    const real = this.resolve(path);
    const id = real === undefined ? undefined : this.table.idOf(real);
    if (id === undefined) return Promise.resolve(undefined);
    const version = this.table.versionAt(id, this.layer);
    if (version?.present !== true || version.kind !== 'dir') {
      return Promise.resolve(undefined);
    }
    const names: string[] = [];
    for (const child of this.table.children[id] ?? []) {
      if (!this.table.presentAt(child, this.layer)) continue;
      const childPath = this.table.paths[child]!;
      names.push(childPath.slice(childPath.lastIndexOf('/') + 1));
    }
    return Promise.resolve(names.sort());
  }
}

/** A regular file of the view: one object a file, its reads through the view (no closures a file). */
class ViewFile implements RegularFile {
  constructor(
    private readonly view: ImageFsView,
    readonly path: string,
    readonly size: number,
    private readonly version: Version,
  ) {}

  read(offset: number, length: number): Promise<Uint8Array | undefined> {
    return this.view.readVersion(this.path, this.version, offset, length);
  }

  peek(offset: number, length: number): Uint8Array | undefined {
    return this.view.peekVersion(this.path, this.version, offset, length);
  }
}
