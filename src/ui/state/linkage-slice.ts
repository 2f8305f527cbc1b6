/** UI state of the Linkage view: what is selected and how, colouring, and a shared link waiting for its image. */
import type { StateCreator } from 'zustand';
import { VIEWS, type NavigationSlice, type View } from './navigation-slice';

export type LinkageMode = 'all' | 'focus' | 'reverse';
export type ColorBy = 'layer' | 'package';

/** A shared link (format v=1); `view` is the view id as written in the link. */
export interface SharedView {
  readonly version: 1;
  readonly imageId: string;
  readonly view: string;
  readonly selected: string | null;
  readonly mode: LinkageMode;
  readonly colorBy: ColorBy;
  readonly search: string;
}

export interface LinkageSlice {
  linkageMode: LinkageMode;
  linkageSelected: string | null;
  colorBy: ColorBy;
  linkageSearch: string;
  /** A link opened before its image: applied when an image with that id is shown. */
  pendingShare: SharedView | null;
  setLinkageSelection(path: string | null, mode: LinkageMode): void;
  setColorBy(colorBy: ColorBy): void;
  setLinkageSearch(text: string): void;
  setPendingShare(share: SharedView | null): void;
  /** Open the view the pending link describes, and forget the link. */
  applyPendingShare(): void;
}

/** The view a link names. Links written before the view was called Linkage say "graph". */
export function viewOfShare(view: string): View {
  const known = VIEWS.find((v) => v === view);
  return known ?? 'linkage';
}

export const createLinkageSlice: StateCreator<LinkageSlice & NavigationSlice, [], [], LinkageSlice> = (
  set,
) => ({
  linkageMode: 'all',
  linkageSelected: null,
  colorBy: 'layer',
  linkageSearch: '',
  pendingShare: null,
  setLinkageSelection: (linkageSelected, linkageMode) => set({ linkageSelected, linkageMode }),
  setColorBy: (colorBy) => set({ colorBy }),
  setLinkageSearch: (linkageSearch) => set({ linkageSearch }),
  setPendingShare: (pendingShare) => set({ pendingShare }),
  applyPendingShare: () =>
    set(({ pendingShare: share }) =>
      share
        ? {
            view: viewOfShare(share.view),
            linkageSelected: share.selected,
            linkageMode: share.selected ? share.mode : 'all',
            colorBy: share.colorBy,
            linkageSearch: share.search,
            pendingShare: null,
          }
        : {},
    ),
});
