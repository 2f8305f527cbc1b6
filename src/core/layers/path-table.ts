/**
 * Every path any layer ever mentioned, interned once, each with the stack of its versions (one per
 * layer that touched it). This is the whole memory of the merged trees: the tree at layer n is
 * "for each path, its last version at or below n", so no layer ever copies a tree.
 *
 * Parents are interned before their children, so a path's id is always larger than its parent's:
 * a reverse scan over ids visits children before parents (used for directory totals).
 */
import type { EntryTable } from '../model/entry-table';
import { Version } from './version';
import { VersionStore } from './version-store';

export { Version };

export const ROOT = 0;

export function isDirVersion(v: Version | undefined): boolean {
  return v !== undefined && v.present && v.kind === 'dir';
}

export class PathTable {
  readonly paths: string[] = ['/'];
  readonly parents: number[] = [-1];
  readonly children: (number[] | undefined)[] = [undefined];
  /** Each path's versions, bottom to top (version-store.ts). */
  private readonly versions = new VersionStore();
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
    this.versions.reserve(id);
    const siblings = this.children[parent];
    if (siblings === undefined) this.children[parent] = [id];
    else siblings.push(id);
    this.ids.set(path, id);
    return id;
  }

  /** The table that versions of `layer` point into; set before the layer's versions are added. */
  setLayerRows(layer: number, rows: EntryTable): void {
    this.versions.setLayerRows(layer, rows);
  }

  /** The path's versions, bottom to top. */
  versionsOf(id: number): readonly Version[] {
    return this.versions.all(id);
  }

  /** Adds a version on top of the path's stack. */
  pushVersion(id: number, version: Version): void {
    this.versions.push(id, version);
  }

  /** Replaces the top version (a layer that wrote the path twice). */
  replaceTop(id: number, version: Version): void {
    this.versions.replaceTop(id, version);
  }

  /** The path's version visible at `layer` (the last one written at or below it). */
  versionAt(id: number, layer: number): Version | undefined {
    return this.versions.at(id, layer);
  }

  /** The version just below `layer` for a path that has one at `layer`. */
  versionBefore(id: number, layer: number): Version | undefined {
    return this.versionAt(id, layer - 1);
  }

  current(id: number): Version | undefined {
    return this.versions.current(id);
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
