/** UI state of the Compare view: which open images are old and new (null: the view's default). */
import type { StateCreator } from 'zustand';

export interface ComparePick {
  readonly archiveId: string;
  readonly imageKey: string;
}

export interface CompareSlice {
  compareOld: ComparePick | null;
  compareNew: ComparePick | null;
  setComparePair(oldPick: ComparePick | null, newPick: ComparePick | null): void;
}

export const createCompareSlice: StateCreator<CompareSlice> = (set) => ({
  compareOld: null,
  compareNew: null,
  setComparePair: (compareOld, compareNew) => set({ compareOld, compareNew }),
});
