/** The `strata inspect --json` shape (a contract: add fields, never rename). */
import type { Sentence } from '../archive/archive-error';
import type { ImageRecord } from '../image/model';
import { imageDisplayNames } from '../image/display-names';
import type { ArchiveSession } from './archive-session';

export interface InspectLayerJson {
  readonly diffId: string | null;
  readonly digest: string | null;
  readonly mediaType: string | null;
  readonly compression: 'none' | 'gzip' | 'zstd' | null;
  readonly compressedSize: number | null;
  readonly size: number | null;
  readonly verified: boolean | null;
  readonly state: string;
  readonly error: string | null;
  readonly warnings: readonly string[];
}

export interface InspectJson {
  readonly names: readonly string[];
  readonly tags: readonly string[];
  readonly id: string;
  readonly os: string;
  readonly architecture: string;
  readonly variant: string;
  readonly osVersion: string;
  readonly created: string | null;
  readonly author: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly manifestDigest: string | null;
  readonly layers: readonly InspectLayerJson[];
  readonly size: number | null;
  readonly compressedSize: number | null;
  readonly warnings: readonly string[];
  /** Each warning's sentence, for the page only (the CLI leaves it out of its JSON). */
  readonly warningSentences: readonly (Sentence | null)[];
}

export function inspectImage(session: ArchiveSession, image: ImageRecord): InspectJson {
  const names = imageDisplayNames(image.rawNames);
  const layers = image.layers.map((layer): InspectLayerJson => {
    const status = session.status(layer);
    const index = status.index;
    return {
      diffId: layer.diffId,
      digest: layer.digest ?? index?.digest ?? null,
      mediaType: layer.mediaType,
      compression: index?.compression ?? null,
      compressedSize: index?.storedSize ?? layer.declaredSize,
      size: index?.size ?? null,
      verified: status.verified,
      state: status.state,
      error: status.error ?? null,
      warnings: status.warnings,
    };
  });
  const sum = (values: (number | null)[]) =>
    values.every((v) => v !== null) ? values.reduce<number>((a, b) => a + b, 0) : null;
  return {
    names: names.full,
    tags: names.bareTags,
    id: image.id,
    os: image.platform.os,
    architecture: image.platform.architecture,
    variant: image.platform.variant,
    osVersion: image.platform.osVersion,
    created: image.created,
    author: image.author,
    config: image.config,
    manifestDigest: image.manifestDigest,
    layers,
    size: sum(layers.map((l) => l.size)),
    compressedSize: sum(layers.map((l) => l.compressedSize)),
    warnings: image.warnings,
    warningSentences: image.warningSentences ?? [],
  };
}
