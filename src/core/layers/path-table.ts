/**
 * Every path any layer ever mentioned, interned once, each with the stack of its versions (one per
 * layer that touched it). This is the whole memory of the merged trees: the tree at layer n is
 * "for each path, its last version at or below n", so no layer ever copies a tree.
 *
 * Parents are interned before their children, so a path's id is always larger than its parent's:
 * a reverse scan over ids visits children before parents (used for directory totals).
 */
import type { EntryTable } from '../model/entry-table';
import type { EntryKind, TarEntry } from '../model/tar-entry';
import type { HardlinkTarget } from './layer-types';

export const ROOT = 0;

/**
 * One path's state from one layer on: a row of its layer's entry table, or none (an implicit directory
 * when present, a removal when not). The `TarEntry` is made when asked for, so the stack holds no entry
 * objects of its own.
 */
export class Version {
  /** Hardlink entries only, set when the layer has been applied. */
  hardlink: HardlinkTarget | undefined = undefined;
  /** The version a hardlink points at (kept so that waste accounting knows the data is still seen). */
  linkedVersion: Version | undefined = undefined;

  constructor(
    readonly layer: number,
    readonly present: boolean,
    private readonly rows: EntryTable | undefined,
    private readonly row: number,
  ) {}

  /** An implicit directory, or a removal: no tar entry behind it. */
  get implicit(): boolean {
    return this.rows === undefined;
  }

  /** The tar entry behind this version; `path` (the path's own) saves decoding it again. */
  entryAt(path?: string): TarEntry | undefined {
    return this.rows?.entry(this.row, path);
  }

  get entry(): TarEntry | undefined {
    return this.entryAt();
  }

  /** The entry's kind ("dir" for an implicit directory), read from its column. */
  get kind(): EntryKind {
    return this.rows === undefined ? 'dir' : this.rows.kind(this.row);
  }

  /** A regular file's (real) size, else 0: the bytes this version stores itself. */
  get fileBytes(): number {
    return this.rows !== undefined && this.rows.kind(this.row) === 'file' ? this.rows.realSize(this.row) : 0;
  }

  /** The same tar entry as `other` (both implicit counts as the same). */
  sameEntry(other: Version): boolean {
    return this.rows === other.rows && this.row === other.row;
  }
}

export function isDirVersion(v: Version | undefined): boolean {
  return v !== undefined && v.present && v.kind === 'dir';
}

export class PathTable {
  readonly paths: string[] = ['/'];
  readonly parents: number[] = [-1];
  readonly children: (number[] | undefined)[] = [undefined];
  /**
   * Each path's versions, bottom to top: most paths have exactly one, held as itself (an array per
   * path would cost ~56 bytes more each); undefined before the first.
   */
  private readonly stacks: (Version | Version[] | undefined)[] = [undefined];
  private readonly ids = new Map<string, number>([['/', ROOT]]);

  get size(): number {
    return this.paths.length;
  }

  idOf(path: string): number | undefined {
    return this.ids.get(path);
  }

  /**
   * The id of an absolute normalized path, interning it and its missing ancestors. Iterative: a
   * hostile layer may nest thousands of directories, more than the call stack holds.
   */
  intern(path: string): number {
    const known = this.ids.get(path);
    if (known !== undefined) return known;
    // Climb to the nearest interned ancestor, then intern the missing ones top-down.
    const missing: string[] = [path];
    let parent = ROOT;
    for (let end = path.lastIndexOf('/'); end > 0; end = path.lastIndexOf('/', end - 1)) {
      const ancestor = path.slice(0, end);
      const id = this.ids.get(ancestor);
      if (id !== undefined) {
        parent = id;
        break;
      }
      missing.push(ancestor);
    }
    for (let i = missing.length - 1; i >= 0; i--) parent = this.add(missing[i]!, parent);
    return parent;
  }

  private add(path: string, parent: number): number {
    const id = this.paths.length;
    this.paths.push(path);
    this.parents.push(parent);
    this.children.push(undefined);
    this.stacks.push(undefined);
    const siblings = this.children[parent];
    if (siblings === undefined) this.children[parent] = [id];
    else siblings.push(id);
    this.ids.set(path, id);
    return id;
  }

  /** The path's versions, bottom to top. */
  versionsOf(id: number): readonly Version[] {
    const stack = this.stacks[id];
    return stack === undefined ? [] : Array.isArray(stack) ? stack : [stack];
  }

  /** Adds a version on top of the path's stack. */
  pushVersion(id: number, version: Version): void {
    const stack = this.stacks[id];
    if (stack === undefined) this.stacks[id] = version;
    else if (Array.isArray(stack)) stack.push(version);
    else this.stacks[id] = [stack, version];
  }

  /** Replaces the top version (a layer that wrote the path twice). */
  replaceTop(id: number, version: Version): void {
    const stack = this.stacks[id];
    if (Array.isArray(stack)) stack[stack.length - 1] = version;
    else this.stacks[id] = version;
  }

  /** The path's version visible at `layer` (the last one written at or below it). */
  versionAt(id: number, layer: number): Version | undefined {
    const stack = this.stacks[id];
    if (!Array.isArray(stack)) return stack !== undefined && stack.layer <= layer ? stack : undefined;
    for (let i = stack.length - 1; i >= 0; i--) {
      const v = stack[i]!;
      if (v.layer <= layer) return v;
    }
    return undefined;
  }

  /** The version just below `layer` for a path that has one at `layer`. */
  versionBefore(id: number, layer: number): Version | undefined {
    return this.versionAt(id, layer - 1);
  }

  current(id: number): Version | undefined {
    const stack = this.stacks[id];
    return Array.isArray(stack) ? stack[stack.length - 1] : stack;
  }

  presentAt(id: number, layer: number): boolean {
    return this.versionAt(id, layer)?.present === true;
  }
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
