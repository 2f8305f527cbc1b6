/**
 * The corrected waste figure: bytes a layer wrote that the final image does not show, because a
 * later layer (or the same one, for duplicate paths) overwrote or removed them. dive's W counts the
 * kept copy too and misses opaque directories and hardlinks (docs/archive-formats.md#dives-figures);
 * this counts each hidden copy once and charges it to the step that wrote it and the step that hid it.
 */
import type { SelfOverwrite } from './apply-layer';
import type { PathTable } from './path-table';

export interface WastedFile {
  readonly path: string;
  readonly size: number;
  /** Layer that wrote the bytes. */
  readonly writtenBy: number;
  /** Layer that hid them: by writing the path again or by removing it. */
  readonly hiddenBy: number;
  readonly how: 'overwritten' | 'removed';
}

export interface TrueWaste {
  readonly trueWastedBytes: number;
  /** Per layer: bytes it wrote that are hidden in the final image. */
  readonly wastedWrittenBy: readonly number[];
  /** Per layer: bytes of earlier (or its own) writes that it hid. */
  readonly wastedHiddenBy: readonly number[];
  /** Largest hidden files first (ties by path). */
  readonly largest: readonly WastedFile[];
}

/** The entries that visible hardlinks point at, by Version.entryKey. */
function stillLinked(table: PathTable, top: number): Set<number> {
  const linked = new Set<number>();
  for (let id = 1; id < table.size; id++) {
    const version = table.versionAt(id, top);
    const key = version?.present === true ? version.linkedVersion?.entryKey : undefined;
    if (key !== undefined) linked.add(key);
  }
  return linked;
}

export function computeTrueWaste(
  table: PathTable,
  layerCount: number,
  selfOverwrites: readonly SelfOverwrite[],
  largestCount: number,
): TrueWaste {
  const top = layerCount - 1;
  const written = new Array<number>(layerCount).fill(0);
  const hidden = new Array<number>(layerCount).fill(0);
  const files: WastedFile[] = [];
  const record = (file: WastedFile): void => {
    written[file.writtenBy]! += file.size;
    hidden[file.hiddenBy]! += file.size;
    files.push(file);
  };
  for (const own of selfOverwrites) {
    record({ path: own.path, size: own.size, writtenBy: own.layer, hiddenBy: own.layer, how: 'overwritten' });
  }
  const linked = stillLinked(table, top);
  for (let id = 1; id < table.size; id++) {
    const stack = table.versionsOf(id);
    for (let i = 0; i < stack.length - 1; i++) {
      const version = stack[i]!;
      const size = version.present ? version.fileBytes : 0;
      // A hardlink that is still visible keeps the data alive under another name.
      if (size === 0 || linked.has(version.entryKey!)) continue;
      const next = stack[i + 1]!;
      const how = next.present ? 'overwritten' : 'removed';
      record({ path: table.paths[id]!, size, writtenBy: version.layer, hiddenBy: next.layer, how });
    }
  }
  files.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    trueWastedBytes: written.reduce((sum, n) => sum + n, 0),
    wastedWrittenBy: written,
    wastedHiddenBy: hidden,
    largest: files.slice(0, largestCount),
  };
}
