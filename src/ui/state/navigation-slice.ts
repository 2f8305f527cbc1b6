/** Where the user is: the view of the shown image, and the one current layer every view shares. */
import type { StateCreator } from 'zustand';
import type { FilesSlice } from './files-slice';

export const VIEWS = ['layers', 'files', 'waste', 'packages', 'linkage', 'compare', 'names'] as const;
export type View = (typeof VIEWS)[number];

export interface NavigationSlice {
  view: View;
  /**
   * The current layer: the one Files shows, Linkage resolves at and the Layers table opens;
   * null until one is picked (the top layer).
   */
  layer: number | null;
  /** The package whose files are open in Packages, as "name:arch". */
  packageKey: string | null;
  /** The list of keyboard shortcuts is open. */
  helpOpen: boolean;
  setView(view: View): void;
  setLayer(layer: number | null): void;
  setHelpOpen(open: boolean): void;
  setPackageKey(key: string | null): void;
}

export const createNavigationSlice: StateCreator<NavigationSlice & FilesSlice, [], [], NavigationSlice> = (
  set,
) => ({
  view: 'layers',
  layer: null,
  helpOpen: false,
  packageKey: null,
  setView: (view) => set({ view }),
  // A path picked in one layer may not exist in another.
  setLayer: (layer) => set({ layer, selectedPath: null }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setPackageKey: (packageKey) => set({ packageKey }),
});
