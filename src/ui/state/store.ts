/**
 * UI state, the only zustand store (docs/conventions.md#ui-state-and-queries): which archives are
 * open, which one and which image is shown, where the user is, and the live progress of a load.
 * Data read from archives lives in TanStack Query. Components read it through a selector, so a
 * progress tick re-renders only what shows progress.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createArchivesSlice, type ArchivesSlice } from './archives-slice';
import { createFilesSlice, type FilesSlice } from './files-slice';
import { createLinkageSlice, type LinkageSlice } from './linkage-slice';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';
import { createCompareSlice, type CompareSlice } from './compare-slice';

export type { OpenedArchive } from './archives-slice';
export type { View } from './navigation-slice';

export type StoreState = ArchivesSlice & NavigationSlice & FilesSlice & LinkageSlice & CompareSlice;

export const useStore = create<StoreState>()((...a) => ({
  ...createArchivesSlice(...a),
  ...createNavigationSlice(...a),
  ...createFilesSlice(...a),
  ...createLinkageSlice(...a),
  ...createCompareSlice(...a),
}));

/**
 * Several fields in one call: the component re-renders only when one of the picked fields changes
 * (compared one by one), not when the picked object is new.
 */
export function useStoreFields<T extends object>(pick: (s: StoreState) => T): T {
  return useStore(useShallow(pick));
}

/** The ids of the open archives as one key: answers about "every open image" depend on it. */
export function useOpenArchivesKey(): string {
  return useStore((s) => s.archives.map((a) => a.archiveId).join(','));
}
