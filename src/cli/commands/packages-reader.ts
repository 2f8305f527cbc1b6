/**
 * Content readers for many small files. The session decodes a compressed layer from its start for
 * every read, and a dpkg database is a status file plus one `.list` per package: fifty reads decode
 * the same gzip fifty times. Files of one directory tree sit next to each other in a layer's tar,
 * so the first read of a layer fetches every wanted file of that layer in a few spans and later
 * reads are served from those bytes.
 */
import { type ContentReader, type LayerStack, type TarEntry, PACKAGE_DB_DIRS } from '../../core';
import type { OpenedStack } from './diff-stack';

/** Files bigger than this (a large rpm Packages) are read on their own, in the session's pieces. */
const CACHED_FILE_LIMIT = 4 * 1024 * 1024;
/** One span's bytes are held at once: at most this many. */
const SPAN_LIMIT = 16 * 1024 * 1024;

interface Span {
  readonly start: number;
  readonly end: number;
}

function wantedEntries(stack: LayerStack, layer: number, wanted: (path: string) => boolean): TarEntry[] {
  const changes = stack.changes(layer);
  return [...changes.added, ...changes.modified]
    .map((c) => c.node.entry)
    .filter(
      (e): e is TarEntry =>
        e !== undefined && e.kind === 'file' && e.size > 0 && e.size <= CACHED_FILE_LIMIT && wanted(e.path),
    )
    .sort((a, b) => a.dataOffset - b.dataOffset);
}

function spansOf(entries: readonly TarEntry[]): Span[] {
  const spans: Span[] = [];
  for (const e of entries) {
    const last = spans[spans.length - 1];
    const end = e.dataOffset + e.size;
    if (last !== undefined && end - last.start <= SPAN_LIMIT)
      spans[spans.length - 1] = { start: last.start, end };
    else spans.push({ start: e.dataOffset, end });
  }
  return spans;
}

/** Files under the package database directories (dpkg status and lists, rpm and apk databases). */
export function packageDbReader(opened: OpenedStack): ContentReader {
  return batchedReader(opened, (path) => PACKAGE_DB_DIRS.some((dir) => path.startsWith(`${dir}/`)));
}

/** A reader that fetches every file `wanted` accepts of a layer on that layer's first read. */
export function batchedReader(opened: OpenedStack, wanted: (path: string) => boolean): ContentReader {
  const { session, image, stack } = opened;
  const direct: ContentReader = (layer, entry, offset, length) =>
    session.readEntry(image, layer, entry, offset, length);
  const layers = new Map<number, Promise<Map<number, Uint8Array>>>();

  const load = async (layer: number): Promise<Map<number, Uint8Array>> => {
    const entries = wantedEntries(stack, layer, wanted);
    const bytes = new Map<number, Uint8Array>();
    for (const span of spansOf(entries)) {
      // readEntry reads `size` bytes from `dataOffset` of the layer's tar stream: a span over
      // several neighbouring entries is read as one, with one decode from the layer's start.
      const template = entries[0]!;
      const data = await direct(
        layer,
        { ...template, dataOffset: span.start, size: span.end - span.start },
        0,
        span.end - span.start,
      );
      for (const e of entries) {
        if (e.dataOffset < span.start || e.dataOffset + e.size > span.end) continue;
        if (data.length >= e.dataOffset + e.size - span.start)
          bytes.set(
            e.dataOffset,
            data.subarray(e.dataOffset - span.start, e.dataOffset - span.start + e.size),
          );
      }
    }
    return bytes;
  };

  return async (layer, entry, offset, length) => {
    let cached = layers.get(layer);
    if (cached === undefined) layers.set(layer, (cached = load(layer)));
    const whole = (await cached).get(entry.dataOffset);
    if (whole === undefined || whole.length !== entry.size) return direct(layer, entry, offset, length);
    return whole.subarray(Math.max(0, offset), Math.max(0, offset) + Math.max(0, length));
  };
}
