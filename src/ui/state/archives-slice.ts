/**
 * The opened archives: one tab each, which one is shown, the image picked in each, the live progress
 * of a load, and a drop that could not be opened at all.
 */
import type { StateCreator } from 'zustand';
import type { Progress } from '../../protocol/messages';
import type { FilesSlice } from './files-slice';
import type { NavigationSlice } from './navigation-slice';
import { ProgressRate, type RateEstimate } from './progress-rate';

export interface OpenedArchive {
  /** The page's id for this archive; the worker keeps the archive under the same id. */
  readonly archiveId: string;
  readonly file: File;
}

export interface ArchivesSlice {
  archives: readonly OpenedArchive[];
  activeArchiveId: string | null;
  /** The image picked in each opened archive, by archive id (absent: the archive's default). */
  imageKeys: Readonly<Record<string, string>>;
  progress: Progress | null;
  progressStartedAt: number;
  /** Throughput over the last seconds and the time left at it; null while too little is known. */
  progressRate: RateEstimate | null;
  /** Why the last drop opened nothing (a folder, say); archives report their own errors. */
  dropError: string | null;
  openArchive(file: File): void;
  showArchive(archiveId: string): void;
  selectImage(archiveId: string, imageKey: string): void;
  closeArchive(archiveId: string): void;
  setProgress(progress: Progress | null): void;
  setDropError(message: string): void;
}

let counter = 0;
/** The samples behind progressRate: the page shows one load's progress at a time. */
const meter = new ProgressRate();

/** A shown image starts at its top layer, with nothing selected or compared. */
const fresh = { layer: null, compareFrom: null, selectedPath: null, packageKey: null } as const;

export const createArchivesSlice: StateCreator<
  ArchivesSlice & NavigationSlice & FilesSlice,
  [],
  [],
  ArchivesSlice
> = (set) => ({
  archives: [],
  activeArchiveId: null,
  imageKeys: {},
  progress: null,
  progressStartedAt: 0,
  progressRate: null,
  dropError: null,
  openArchive: (file) => {
    const archiveId = `a${++counter}`;
    set((s) => ({
      ...fresh,
      archives: [...s.archives, { archiveId, file }],
      activeArchiveId: archiveId,
      dropError: null,
      progress: null,
      progressStartedAt: Date.now(),
    }));
  },
  showArchive: (activeArchiveId) => set({ activeArchiveId, layer: null }),
  selectImage: (archiveId, imageKey) =>
    set((s) => ({ ...fresh, imageKeys: { ...s.imageKeys, [archiveId]: imageKey } })),
  closeArchive: (archiveId) =>
    set((s) => {
      const archives = s.archives.filter((a) => a.archiveId !== archiveId);
      const activeArchiveId =
        s.activeArchiveId === archiveId ? (archives.at(-1)?.archiveId ?? null) : s.activeArchiveId;
      return { archives, activeArchiveId };
    }),
  setProgress: (progress) =>
    set((s) => {
      const now = Date.now();
      if (progress && !s.progress) meter.reset();
      if (progress) meter.add(progress, now);
      return {
        progress,
        progressStartedAt: progress && !s.progress ? now : s.progressStartedAt,
        progressRate: progress ? (meter.estimate(progress) ?? null) : null,
      };
    }),
  setDropError: (dropError) => set({ dropError }),
});
