/** UI state of the graph: what is selected and how, colouring, and a shared link waiting for its image. */
import type { StateCreator } from 'zustand';

export type GraphMode = 'all' | 'focus' | 'reverse';
export type ColorBy = 'layer' | 'package';

export interface SharedView {
  readonly version: 1;
  readonly imageId: string;
  readonly view: string;
  readonly selected: string | null;
  readonly mode: GraphMode;
  readonly colorBy: ColorBy;
  readonly search: string;
}

export interface GraphSlice {
  graphMode: GraphMode;
  graphSelected: string | null;
  colorBy: ColorBy;
  graphSearch: string;
  /** A link opened before its image: applied when an image with that id is shown. */
  pendingShare: SharedView | null;
  setGraphSelection(path: string | null, mode: GraphMode): void;
  setColorBy(colorBy: ColorBy): void;
  setGraphSearch(text: string): void;
  setPendingShare(share: SharedView | null): void;
}

export const createGraphSlice: StateCreator<GraphSlice> = (set) => ({
  graphMode: 'all',
  graphSelected: null,
  colorBy: 'layer',
  graphSearch: '',
  pendingShare: null,
  setGraphSelection: (graphSelected, graphMode) => set({ graphSelected, graphMode }),
  setColorBy: (colorBy) => set({ colorBy }),
  setGraphSearch: (graphSearch) => set({ graphSearch }),
  setPendingShare: (pendingShare) => set({ pendingShare }),
});
