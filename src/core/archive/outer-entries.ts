/**
 * What both walks of the outer archive share (outer-scan.ts): the table of its entries with their offsets,
 * symlinks followed inside the archive, and the reads of entries by offset in a plain tar (the archive
 * itself, or the spill of a compressed one's decoded pass).
 */
import { readFully, readRange, type ByteSource } from '../io/byte-source';
import type { Compression } from '../io/env';
import { TarFormatError } from '../io/tar-parser';
import { parentPath, resolveRelative } from '../model/path';
import type { LayerTable } from './index-layer';
import { ArchiveError } from './archive-error';
import type { OuterEntry, OuterScan } from './outer-scan';

export const DEFAULT_MAX_ENTRIES = 1_000_000;

export class EntryTable {
  readonly entries = new Map<string, OuterEntry>();
  constructor(private readonly max: number) {}

  add(entry: OuterEntry): void {
    if (this.entries.size >= this.max) {
      throw ArchiveError.of('too-many-entries', 'too-many-entries', { max: this.max });
    }
    // Of duplicate names the last one wins, as tar extraction would leave it.
    this.entries.set(entry.path, entry);
  }

  resolve(path: string): OuterEntry | undefined {
    let entry = this.entries.get(path);
    for (let hop = 0; entry?.kind === 'symlink' || entry?.kind === 'hardlink'; hop++) {
      if (hop >= 8) return undefined;
      const target: string =
        entry.kind === 'hardlink'
          ? entry.linkTarget.replace(/^\/+/, '')
          : joinLink(entry.path, entry.linkTarget);
      entry = this.entries.get(target);
    }
    return entry;
  }
}

/** podman writes `<v1id>/layer.tar` as a symlink to `../<diffid>.tar`: relative to the link's directory. */
function joinLink(linkPath: string, target: string): string {
  return resolveRelative(parentPath(`/${linkPath}`), target).slice(1);
}

export function toOuter(path: string): string {
  return path.replace(/^\/+/, '');
}

/** Reads of entries by their offsets in a plain tar: the archive itself, or a compressed one's spill. */
export function rangedScan(
  source: ByteSource,
  table: EntryTable,
  compression: Compression,
  truncatedAt: number | undefined,
  prefetched: ReadonlyMap<string, LayerTable | Error>,
  close: () => Promise<void>,
  cheapReads = false,
): OuterScan {
  return {
    compression,
    cheapReads,
    truncatedAt,
    entries: table.entries,
    randomAccess: true,
    prefetched,
    close,
    resolve: (path) => table.resolve(path),
    async readSmall(path, maxBytes) {
      const entry = table.resolve(path);
      if (entry?.kind !== 'file') throw ArchiveError.of('missing-blob', 'no-file', { path });
      if (entry.size > maxBytes)
        throw ArchiveError.of('absurd-size', 'metadata-too-large', { path, size: entry.size });
      if (entry.offset + entry.size > source.size) {
        throw ArchiveError.of('truncated', 'truncated-inside', { at: source.size, path });
      }
      return readFully(source, entry.offset, entry.size);
    },
    openBlob(path, signal, onRead) {
      const entry = table.resolve(path);
      if (entry?.kind !== 'file') return undefined;
      return readRange(source, entry.offset, entry.size, { signal, onRead });
    },
    readAt(path, offset, length) {
      const entry = table.resolve(path);
      if (entry?.kind !== 'file') return undefined;
      const start = Math.min(entry.size, Math.max(0, offset));
      return readFully(source, entry.offset + start, Math.min(length, entry.size - start));
    },
  };
}

export function outerTarError(error: unknown, entryCount: number, size: number): unknown {
  if (!(error instanceof TarFormatError)) return error;
  if (entryCount === 0) {
    return ArchiveError.of('not-a-tar', 'not-a-tar');
  }
  if (error.message.includes('ends early') || error.message.includes('cut off')) {
    return ArchiveError.of('truncated', 'truncated-entry', { at: size });
  }
  return ArchiveError.of('corrupt', 'damaged', { detail: error.message });
}
