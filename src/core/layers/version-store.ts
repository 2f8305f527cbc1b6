/**
 * Where the path table keeps each path's versions. Most paths have one plain version (an entry of
 * one layer, an implicit directory, a removal): that one is two numbers in typed arrays, its layer
 * and its row in that layer's entry table, and a Version object is made when asked for. Paths with
 * several versions, and hardlinks (whose resolved target is set on the object), keep objects.
 */
import type { EntryTable } from '../model/entry-table';
import { Version } from './version';

/** layerOf: no version yet, or the versions live in `stacked`. */
const NONE = -2;
const STACKED = -3;
/** rowOf for a version without an entry. */
const IMPLICIT = -1;
const ABSENT = -2;

export class VersionStore {
  private layerOf = new Int32Array(1024).fill(NONE);
  private rowOf = new Int32Array(1024);
  private readonly stacked = new Map<number, Version | Version[]>();
  /** Each layer's entry table, to make versions from rows. */
  private readonly tables: (EntryTable | undefined)[] = [];

  /** Room for path `id`, which has no version yet. */
  reserve(id: number): void {
    if (id < this.layerOf.length) return;
    const n = Math.max(id + 1, this.layerOf.length * 2);
    const layerOf = new Int32Array(n).fill(NONE);
    layerOf.set(this.layerOf);
    const rowOf = new Int32Array(n);
    rowOf.set(this.rowOf);
    this.layerOf = layerOf;
    this.rowOf = rowOf;
  }

  /** The table that versions of `layer` point into. */
  setLayerRows(layer: number, rows: EntryTable): void {
    this.tables[layer] = rows;
  }

  private make(id: number): Version {
    const layer = this.layerOf[id]!;
    const row = this.rowOf[id]!;
    return row >= 0
      ? new Version(layer, true, this.tables[layer], row)
      : new Version(layer, row !== ABSENT, undefined, -1);
  }

  /** A version the two columns can hold: no hardlink, and its rows are its layer's table. */
  private plain(v: Version): boolean {
    if (v.hardlink !== undefined || v.linkedVersion !== undefined) return false;
    if (v.rows === undefined) return true;
    return v.rows === this.tables[v.layer] && v.kind !== 'hardlink';
  }

  private setSole(id: number, v: Version): void {
    this.layerOf[id] = v.layer;
    this.rowOf[id] = !v.present ? ABSENT : v.rows === undefined ? IMPLICIT : v.row;
  }

  private setStacked(id: number, versions: Version | Version[]): void {
    this.layerOf[id] = STACKED;
    this.stacked.set(id, versions);
  }

  all(id: number): readonly Version[] {
    const layer = this.layerOf[id]!;
    if (layer === NONE) return [];
    if (layer !== STACKED) return [this.make(id)];
    const stack = this.stacked.get(id)!;
    return Array.isArray(stack) ? stack : [stack];
  }

  push(id: number, v: Version): void {
    const layer = this.layerOf[id]!;
    if (layer === NONE) {
      if (this.plain(v)) this.setSole(id, v);
      else this.setStacked(id, v);
    } else if (layer !== STACKED) {
      this.setStacked(id, [this.make(id), v]);
    } else {
      const stack = this.stacked.get(id)!;
      if (Array.isArray(stack)) stack.push(v);
      else this.stacked.set(id, [stack, v]);
    }
  }

  replaceTop(id: number, v: Version): void {
    const layer = this.layerOf[id]!;
    if (layer !== STACKED) {
      if (this.plain(v)) this.setSole(id, v);
      else this.setStacked(id, v);
      return;
    }
    const stack = this.stacked.get(id)!;
    if (Array.isArray(stack)) stack[stack.length - 1] = v;
    else this.stacked.set(id, v);
  }

  /** The version visible at `layer` (the last one written at or below it). */
  at(id: number, layer: number): Version | undefined {
    const own = this.layerOf[id]!;
    if (own === NONE) return undefined;
    if (own !== STACKED) return own <= layer ? this.make(id) : undefined;
    const stack = this.stacked.get(id)!;
    if (!Array.isArray(stack)) return stack.layer <= layer ? stack : undefined;
    for (let i = stack.length - 1; i >= 0; i--) {
      const v = stack[i]!;
      if (v.layer <= layer) return v;
    }
    return undefined;
  }

  current(id: number): Version | undefined {
    const own = this.layerOf[id]!;
    if (own === NONE) return undefined;
    if (own !== STACKED) return this.make(id);
    const stack = this.stacked.get(id)!;
    return Array.isArray(stack) ? stack[stack.length - 1] : stack;
  }
}
