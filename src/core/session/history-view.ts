/**
 * The layer stack as `podman history` shows it (docs/archive-formats.md#what-podman-history-prints): one row
 * per history entry, empty steps included, newest first; SIZE is the byte length of the uncompressed layer
 * tar, 0 for empty steps.
 */
import type { Sentence } from '../archive/archive-error';
import type { ImageRecord } from '../image/model';
import type { ArchiveSession } from './archive-session';

export interface HistoryStep {
  /** podman's ID column: the image ID on the top row, "<missing>" elsewhere. */
  readonly id: string;
  readonly created: string | null;
  readonly createdBy: string;
  /** Bytes of the uncompressed layer tar; 0 for empty steps; null when the layer could not be read. */
  readonly size: number | null;
  readonly comment: string;
  readonly author: string;
  readonly emptyLayer: boolean;
  readonly layerIndex: number | null;
  readonly diffId: string | null;
  readonly digest: string | null;
  readonly compression: string | null;
  readonly compressedSize: number | null;
  readonly verified: boolean | null;
  readonly state: string;
  readonly error: string | null;
  /** The error's sentence by name, for the page's language; null when it has none. */
  readonly errorSentence: Sentence | null;
  readonly warnings: readonly string[];
  /** Each warning's sentence by name, or null, for the page's language. */
  readonly warningSentences: readonly (Sentence | null)[];
}

export function historyRows(session: ArchiveSession, image: ImageRecord): HistoryStep[] {
  const rows = image.history.map((h, i): HistoryStep => {
    const layer = h.layerIndex === null ? undefined : image.layers[h.layerIndex];
    const status = layer ? session.status(layer) : undefined;
    const index = status?.index;
    return {
      id: i === image.history.length - 1 ? image.id.slice(7) : '<missing>',
      created: h.created,
      createdBy: h.createdBy,
      size: layer ? (index?.size ?? null) : 0,
      comment: h.comment,
      author: h.author,
      emptyLayer: layer === undefined,
      layerIndex: h.layerIndex,
      diffId: layer?.diffId ?? null,
      digest: layer ? (layer.digest ?? index?.digest ?? null) : null,
      compression: index?.compression ?? null,
      compressedSize: layer ? (index?.storedSize ?? layer.declaredSize) : null,
      verified: status?.verified ?? null,
      state: status?.state ?? 'empty',
      error: status?.error ?? null,
      errorSentence: status?.errorSentence ?? null,
      warnings: status?.warnings ?? [],
      warningSentences: status?.warningSentences ?? [],
    };
  });
  return rows.reverse();
}

/** Decimal units to 3 significant digits, as podman prints SIZE ("41 kB", "12.3 kB", "0 B"). */
export function formatSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${Number(size.toPrecision(3))} ${units[unit]}`;
}

/** go-units HumanDuration + " ago", as podman's CREATED column reads. */
export function formatAgo(created: string | null, now: number = Date.now()): string {
  if (!created) return '';
  const t = Date.parse(created);
  if (Number.isNaN(t)) return created;
  // Go's zero time (0001-01-01, kaniko and others) means "not recorded".
  if (t < Date.UTC(1971, 0, 1)) return 'unknown';
  const s = Math.max(0, (now - t) / 1000);
  const ago = (text: string) => `${text} ago`;
  if (s < 1) return ago('Less than a second');
  if (s < 60) return ago(Math.floor(s) === 1 ? '1 second' : `${Math.floor(s)} seconds`);
  const m = s / 60;
  if (m < 2) return ago('About a minute');
  if (m < 60) return ago(`${Math.floor(m)} minutes`);
  const h = m / 60;
  if (h < 2) return ago('About an hour');
  if (h < 48) return ago(`${Math.floor(h)} hours`);
  if (h < 24 * 7 * 2) return ago(`${Math.floor(h / 24)} days`);
  if (h < 24 * 30 * 2) return ago(`${Math.floor(h / 24 / 7)} weeks`);
  if (h < 24 * 365 * 2) return ago(`${Math.floor(h / 24 / 30)} months`);
  return ago(`${Math.floor(h / 24 / 365)} years`);
}

/**
 * Strip "/bin/sh -c #(nop) " and " # buildkit" for display; the raw text stays on hover
 * (docs/archive-formats.md#history-and-layers).
 */
export function displayCreatedBy(createdBy: string): string {
  return createdBy.replace(/^\/bin\/sh -c #\(nop\)\s+/, '').replace(/\s+# buildkit$/, '');
}

/** The build step that made layer `layerIndex` (its history row's created_by); empty when none says. */
export function layerCreatedBy(image: ImageRecord, layerIndex: number): string {
  return image.history.find((h) => h.layerIndex === layerIndex)?.createdBy ?? '';
}
