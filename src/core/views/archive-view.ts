/** What the page shows of an opened archive: its summary, an image's history and config, layer progress. */
import type { Sentence } from '../archive/archive-error';
import type { ArchiveFormat, Artifact, ImageRecord, Platform } from '../image/model';
import { imageDisplayNames } from '../image/display-names';
import type { ArchiveSession, LayerState } from '../session/archive-session';
import { historyRows, type HistoryStep } from '../session/history-view';
import { inspectImage, type InspectJson } from '../session/inspect-view';
import { pickImage, platformString } from '../session/pick-image';
import { boundConfigLists, type BoundedList } from './config-lists';

export interface ImageSummary {
  readonly key: string;
  readonly id: string;
  readonly names: readonly string[];
  readonly bareTags: readonly string[];
  readonly platform: Platform;
  readonly layerCount: number;
  readonly historyCount: number;
}

export interface ArchiveSummary {
  readonly archiveId: string;
  readonly fileName: string;
  readonly fileSize: number;
  readonly compression: string;
  readonly format: ArchiveFormat;
  readonly formatLabel: string;
  readonly images: readonly ImageSummary[];
  readonly notIncluded: readonly { names: readonly string[]; platform: string; digest: string }[];
  readonly artifacts: readonly Artifact[];
  readonly warnings: readonly string[];
  /** Each warning's sentence, for the page to say in its language (null: English only). */
  readonly warningSentences: readonly (Sentence | null)[];
  /** The image to show first: the only one, or linux/amd64 of a multi-platform index. */
  readonly defaultImageKey: string | null;
  /**
   * That image's view as it stands when the archive is opened (layers not read yet): the page draws its Layers
   * rows from it at once, before asking for the layers to be read.
   */
  readonly firstView: ImageOverview | null;
}

export interface ImageOverview {
  readonly imageKey: string;
  /** Newest first, like podman history. */
  readonly history: readonly HistoryStep[];
  /** `inspect.config` holds neither Env nor Labels: they are in `env` and `labels`, cut short. */
  readonly inspect: InspectJson;
  /** The config's first Env entries and labels, and how many it holds (config-lists.ts). */
  readonly env: BoundedList<string>;
  readonly labels: BoundedList<readonly [string, string]>;
  readonly complete: boolean;
}

export interface LayerProgress {
  readonly index: number;
  readonly state: LayerState;
  readonly storedBytes: number;
  readonly decodedBytes: number;
  /** Stored bytes of the layer's blob read so far, and the blob's size (0 when it has none). */
  readonly readBytes: number;
  readonly blobBytes: number;
}

export function archiveSummary(
  session: ArchiveSession,
  archive: { readonly archiveId: string; readonly fileName: string },
): ArchiveSummary {
  const info = session.info;
  const pick = pickImage(info);
  const shown = 'image' in pick ? pick.image : info.images.length === 1 ? info.images[0]! : null;
  return {
    ...archive,
    fileSize: session.source.size,
    compression: session.scan.compression,
    format: info.format,
    formatLabel: info.formatLabel,
    images: info.images.map((image) => {
      const names = imageDisplayNames(image.rawNames);
      return {
        key: image.key,
        id: image.id,
        names: names.full,
        bareTags: names.bareTags,
        platform: image.platform,
        layerCount: image.layers.length,
        historyCount: image.history.length,
      };
    }),
    notIncluded: info.notIncluded.map((n) => ({
      names: imageDisplayNames(n.names).full,
      platform: platformString(n.platform),
      digest: n.digest,
    })),
    artifacts: info.artifacts,
    warnings: info.warnings,
    warningSentences: info.warningSentences ?? [],
    defaultImageKey: shown?.key ?? null,
    firstView: shown && imageView(session, shown, false),
  };
}

export function imageView(session: ArchiveSession, image: ImageRecord, complete = true): ImageOverview {
  const inspect = inspectImage(session, image);
  const { config, env, labels } = boundConfigLists(inspect.config);
  return {
    imageKey: image.key,
    history: historyRows(session, image),
    inspect: { ...inspect, config },
    env,
    labels,
    complete,
  };
}

export function layerProgress(session: ArchiveSession, image: ImageRecord): LayerProgress[] {
  return image.layers.map((layer) => {
    const s = session.status(layer);
    return {
      index: layer.index,
      state: s.state,
      storedBytes: s.index?.storedSize ?? 0,
      decodedBytes: s.decodedBytes,
      readBytes: s.readBytes,
      blobBytes: layer.blobPath === null ? 0 : (session.scan.resolve(layer.blobPath)?.size ?? 0),
    };
  });
}
