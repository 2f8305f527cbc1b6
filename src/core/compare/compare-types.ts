/**
 * The JSON of `strata compare --json`: what a change did to an image, old against new. A contract: fields
 * are added, never renamed or given a new meaning (COMPARE_JSON_VERSION says which shape this is).
 */
import type { Sentence } from '../archive/archive-error';
import type { PackageManager } from '../packages/package-types';

export const COMPARE_JSON_VERSION = 1;

/** The config fields a reviewer reads (the config's own names, as `docker inspect` prints them). */
export const COMPARED_CONFIG_KEYS = [
  'Env',
  'Entrypoint',
  'Cmd',
  'User',
  'WorkingDir',
  'Labels',
  'ExposedPorts',
  'Volumes',
  'StopSignal',
] as const;

export type ComparedConfigKey = (typeof COMPARED_CONFIG_KEYS)[number];

export interface CompareImageRef {
  /** The first full name of the image, or its id when it has none. */
  readonly name: string;
  /** "sha256:…": the config digest. */
  readonly id: string;
}

export interface ConfigChange {
  readonly key: ComparedConfigKey;
  /** The value as the config stores it; null when the field is absent. */
  readonly old: unknown;
  readonly new: unknown;
}

export interface LayersCompare {
  /** diff_ids both images start with, bottom up (the common base). */
  readonly shared: readonly string[];
  /** diff_ids of the old image above the common base. */
  readonly removed: readonly string[];
  /** diff_ids of the new image above the common base. */
  readonly added: readonly string[];
}

export interface SizeCompare {
  /** Uncompressed bytes: the sum of the layer tars, as podman counts an image's size. */
  readonly old: number;
  readonly new: number;
  readonly delta: number;
}

export type FileChangeKind = 'added' | 'modified' | 'removed';

export interface LargestFile {
  readonly path: string;
  readonly change: FileChangeKind;
  /** The new size (added, modified) or the size that went away (removed). */
  readonly size: number;
}

export interface DirectoryChange {
  /** The directory two levels deep that holds the changes ("/usr/lib"), or "/" for files at the root. */
  readonly path: string;
  readonly added: number;
  readonly modified: number;
  readonly removed: number;
  /** Net bytes: what the new image has under it minus what the old one had, over the changed files. */
  readonly bytes: number;
}

export interface SetuidFile {
  readonly path: string;
  /** The permission bits in octal ("4755"). */
  readonly mode: string;
}

export interface FilesCompare {
  /** Counts of non-directory paths (a directory's own change is its contents' change). */
  readonly added: number;
  readonly modified: number;
  readonly removed: number;
  /** Bytes of the added regular files, and of the removed ones. */
  readonly addedBytes: number;
  readonly removedBytes: number;
  /** The largest changed files, largest first. */
  readonly largest: readonly LargestFile[];
  /** Per directory, the largest net change first. */
  readonly byDirectory: readonly DirectoryChange[];
  /** Files that are setuid or setgid in the new image and were not (or did not exist) in the old one. */
  readonly newSetuid: readonly SetuidFile[];
}

export interface PackageEntry {
  /** Without architecture suffix. */
  readonly name: string;
  readonly version: string;
  readonly manager: PackageManager;
}

export interface PackageVersionChange {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly manager: PackageManager;
}

export interface PackagesCompare {
  /** The manager both images use; "dpkg → apk" style when they differ; null when neither has a database. */
  readonly manager: string | null;
  readonly added: readonly PackageEntry[];
  readonly removed: readonly PackageEntry[];
  readonly upgraded: readonly PackageVersionChange[];
  readonly downgraded: readonly PackageVersionChange[];
  /** A sentence when the comparison is partial: no database on one side, or different managers. */
  readonly note: string | null;
  /** The same note by its sentence's name, for the page's language. */
  readonly noteSentence: Sentence | null;
}

export interface LinkEdgeRef {
  readonly from: string;
  readonly to: string;
}

export interface SonameChange {
  /** The DT_NEEDED name the old image's objects asked for ("libssl.so.1.1"). */
  readonly from: string;
  /** The name the same objects ask for in the new image ("libssl.so.3"). */
  readonly to: string;
  readonly loadedBy: readonly string[];
}

export interface UnresolvedRef {
  /** The object whose DT_NEEDED entry no longer resolves. */
  readonly path: string;
  readonly name: string;
}

export interface LinkageCompare {
  /** ELF objects (regular files with the ELF magic) by their path in the image. */
  readonly objectsAdded: readonly string[];
  readonly objectsRemoved: readonly string[];
  /** One edge is one DT_NEEDED entry resolved by the image's loader, between real paths. */
  readonly edgesAdded: readonly LinkEdgeRef[];
  readonly edgesRemoved: readonly LinkEdgeRef[];
  readonly sonameChanges: readonly SonameChange[];
  /** Names the new image cannot resolve that the old one could (or that are new). */
  readonly unresolvedNew: readonly UnresolvedRef[];
}

export interface WasteFigures {
  /** dive's efficiency (0–1) and wasted bytes, as `strata diff` and dive print them. */
  readonly efficiency: number;
  readonly wastedBytes: number;
}

export interface CompareJson {
  readonly version: number;
  readonly old: CompareImageRef;
  readonly new: CompareImageRef;
  readonly config: { readonly changed: readonly ConfigChange[] };
  readonly layers: LayersCompare;
  readonly size: SizeCompare;
  readonly files: FilesCompare;
  readonly packages: PackagesCompare;
  readonly linkage: LinkageCompare;
  readonly waste: { readonly old: WasteFigures; readonly new: WasteFigures };
}
