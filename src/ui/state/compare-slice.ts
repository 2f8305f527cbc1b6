/**
 * UI state of the Compare view: which images are old and new (null: the view's default). Images are named by
 * their id, not by the archive they were opened from, so a link can name them before they are open and they
 * apply whichever archive brings them.
 */
import type { StateCreator } from 'zustand';

export interface ComparePick {
  readonly imageId: string;
  /** The image's first name ('' when it has none), to say which image to open while it is not. */
  readonly name: string;
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
