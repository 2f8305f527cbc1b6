/** What strata knows of one image in an archive, before and independent of its layers' contents. */
import type { Sentence } from '../archive/archive-error';

export interface LayerRef {
  /**
   * Position in the stack, 0 = base (config.rootfs.diff_ids order, docs/archive-formats.md#config-fields).
   */
  readonly index: number;
  /** From the config's rootfs.diff_ids; null when the config lists fewer diff_ids than there are layers. */
  readonly diffId: string | null;
  /** The descriptor's digest (compressed blob), when a manifest names one. */
  readonly digest: string | null;
  readonly mediaType: string | null;
  /** The descriptor's size, when a manifest gives one. */
  readonly declaredSize: number | null;
  /** Path of the blob in the archive (symlinks resolved); null when the archive does not include it. */
  readonly blobPath: string | null;
  readonly annotations: Readonly<Record<string, string>>;
  /** Why the blob is absent (foreign layer, platform not included…), when it is. */
  readonly absentReason: string | null;
  /** The same reason by its sentence's name, for the page's language. */
  readonly absentSentence?: Sentence;
}

export interface HistoryRow {
  readonly created: string | null;
  readonly createdBy: string;
  readonly author: string;
  readonly comment: string;
  readonly emptyLayer: boolean;
  /** The layer this step made (index into layers), or null for an empty step. */
  readonly layerIndex: number | null;
  /** True for rows strata added for layers that have no history entry ("(no history)"). */
  readonly synthetic: boolean;
}

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant: string;
  readonly osVersion: string;
}

export interface ImageRecord {
  /** Stable key inside the archive: the image id, plus the platform for multi-platform indexes. */
  readonly key: string;
  /** sha256 of the config bytes: the image ID (docs/archive-formats.md#identities). */
  readonly id: string;
  /** Every name, as stored (RepoTags, io.containerd.image.name, ref.name). */
  readonly rawNames: readonly string[];
  readonly platform: Platform;
  readonly created: string | null;
  readonly author: string;
  /** The config's `config` object as stored (Env, Cmd, Entrypoint, User, …); {} when absent. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly configPath: string;
  readonly configSize: number;
  readonly manifestDigest: string | null;
  /** Rows oldest first (the display turns them round, like podman history). */
  readonly history: readonly HistoryRow[];
  readonly layers: readonly LayerRef[];
  readonly warnings: readonly string[];
  /** Each warning's sentence, for the page to say in its language (null: English only). */
  readonly warningSentences?: readonly (Sentence | null)[];
}

export interface NotIncluded {
  /** Names of the index this platform belongs to. */
  readonly names: readonly string[];
  readonly platform: Platform;
  readonly digest: string;
}

export interface Artifact {
  readonly names: readonly string[];
  readonly digest: string;
  readonly artifactType: string;
}

export type ArchiveFormat =
  'docker-archive' | 'podman-docker-archive' | 'docker-oci' | 'oci-layout' | 'go-containerregistry';

export interface ArchiveInfo {
  readonly format: ArchiveFormat;
  /** A human description of the format, e.g. "OCI image layout (oci-archive)". */
  readonly formatLabel: string;
  readonly images: readonly ImageRecord[];
  readonly notIncluded: readonly NotIncluded[];
  readonly artifacts: readonly Artifact[];
  readonly warnings: readonly string[];
  /** Each warning's sentence, for the page to say in its language (null: English only). */
  readonly warningSentences?: readonly (Sentence | null)[];
}
