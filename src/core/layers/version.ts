import type { EntryTable } from '../model/entry-table';
import type { EntryKind, TarEntry } from '../model/tar-entry';
import type { HardlinkTarget } from './layer-types';

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
    /** The layer's entry table; undefined for an implicit directory or a removal. */
    readonly rows: EntryTable | undefined,
    /** The entry's row in `rows` (-1 without one). */
    readonly row: number,
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

  /**
   * The same number for versions of one tar entry (versions are made from the table when asked
   * for, so two of them may be different objects); undefined without an entry.
   */
  get entryKey(): number | undefined {
    return this.rows === undefined ? undefined : this.layer * 2 ** 32 + this.row;
  }
}
