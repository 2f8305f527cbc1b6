/**
 * Reading an image config (docs/archive-formats.md#config-fields) and mapping its history onto its layers
 * (docs/archive-formats.md#history-and-layers).
 */
import type { HistoryRow, Platform } from './model';
import { ArchiveError, renderSentence, type Sentence } from '../archive/archive-error';

export interface ParsedConfig {
  readonly diffIds: readonly string[];
  readonly platform: Platform;
  readonly created: string | null;
  readonly author: string;
  readonly config: Record<string, unknown>;
  readonly history: readonly RawHistory[];
}

interface RawHistory {
  readonly created: string | null;
  readonly createdBy: string;
  readonly author: string;
  readonly comment: string;
  readonly emptyLayer: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    throw ArchiveError.of('bad-metadata', 'not-json', { what });
  }
}

/** Docker-format configs carry nulls ("Cmd": null) and extra fields; tolerate both. */
export function parseConfig(json: unknown, path: string): ParsedConfig {
  if (!isRecord(json))
    throw new ArchiveError('bad-metadata', `The image config ${path} is not a JSON object.`);
  const rootfs = json.rootfs;
  const diffIds =
    isRecord(rootfs) && Array.isArray(rootfs.diff_ids)
      ? rootfs.diff_ids.filter((d): d is string => typeof d === 'string')
      : [];
  const history = Array.isArray(json.history)
    ? json.history.filter(isRecord).map((h) => ({
        created: typeof h.created === 'string' ? h.created : null,
        createdBy: str(h.created_by),
        author: str(h.author),
        comment: str(h.comment),
        emptyLayer: h.empty_layer === true,
      }))
    : [];
  return {
    diffIds,
    platform: {
      os: str(json.os),
      architecture: str(json.architecture),
      variant: str(json.variant),
      osVersion: str(json['os.version']),
    },
    created: typeof json.created === 'string' ? json.created : null,
    author: str(json.author),
    config: isRecord(json.config) ? json.config : {},
    history,
  };
}

/**
 * Walk history in order: a non-empty entry takes the next layer, empty ones (ENV, LABEL…) take
 * none. Counts that disagree are normal (podman import, crane): leftover layers get "(no history)"
 * rows, surplus non-empty entries get no layer and a warning.
 */
export function mapHistory(
  history: readonly RawHistory[],
  layerCount: number,
): { rows: HistoryRow[]; warnings: string[]; warningSentences: Sentence[] } {
  const rows: HistoryRow[] = [];
  const warnings: string[] = [];
  let next = 0;
  for (const h of history) {
    if (h.emptyLayer) {
      rows.push({ ...h, layerIndex: null, synthetic: false });
      continue;
    }
    if (next < layerCount) rows.push({ ...h, layerIndex: next++, synthetic: false });
    else {
      rows.push({ ...h, emptyLayer: true, layerIndex: null, synthetic: false });
      if (warnings.length === 0) warnings.push(renderSentence('history-extra-steps', {}));
    }
  }
  for (; next < layerCount; next++) {
    rows.push({
      created: null,
      createdBy: '(no history)',
      author: '',
      comment: '',
      emptyLayer: false,
      layerIndex: next,
      synthetic: true,
    });
  }
  return {
    rows,
    warnings,
    warningSentences: warnings.map(() => ({ name: 'history-extra-steps', params: {} })),
  };
}
