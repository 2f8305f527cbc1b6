/**
 * Rows of `strata export`: every path each layer added, modified or removed, in layer order then
 * path order, written out row by row (a base layer's list is never joined into one string).
 */
import { type ChangedPath, type ImageRecord, type LayerStack, layerCreatedBy } from '../../core';
import { entryJson } from './ls-entries';

export const EXPORT_JSON_VERSION = 1;
/** Rows written between waits for stdout to drain. */
export const PAUSE_EVERY = 4096;
export const EXPORT_COLUMNS = [
  'path',
  'layer',
  'change',
  'type',
  'mode',
  'uid',
  'gid',
  'size',
  'linkTarget',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number>;

/** A removed row describes what was removed; its "layer" is the layer that removed it. */
export function exportRow(change: ChangedPath, layer: number): ExportRow {
  const e = entryJson(change.node, change.change);
  return {
    path: e.path,
    layer,
    change: e.change,
    type: e.type,
    mode: e.mode,
    uid: e.uid,
    gid: e.gid,
    size: e.size,
    linkTarget: e.linkTarget,
  };
}

/** Every row, layer by layer; `pause` is awaited every few thousand rows (stdout's backpressure). */
export async function forEachRow(
  stack: LayerStack,
  visit: (row: ExportRow) => void,
  pause: () => Promise<void>,
): Promise<void> {
  let rows = 0;
  for (let layer = 0; layer < stack.layerCount; layer++) {
    for (const change of stack.changeTable(layer).changes()) {
      visit(exportRow(change, layer));
      if (++rows % PAUSE_EVERY === 0) await pause();
    }
  }
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; records end in CRLF. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly (string | number)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export function layersMeta(image: ImageRecord, stack: LayerStack): object[] {
  return Array.from({ length: stack.layerCount }, (_, index) => ({
    index,
    diffId: image.layers[index]?.diffId ?? null,
    createdBy: layerCreatedBy(image, index),
  }));
}
