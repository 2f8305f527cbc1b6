/** UI state of the Linkage view: what is selected and how, colouring, and a shared link waiting for its image. */
import type { StateCreator } from 'zustand';
import type { ComparePick, CompareSlice } from './compare-slice';
import type { FilesSlice } from './files-slice';
import { VIEWS, type NavigationSlice, type View } from './navigation-slice';

export type LinkageMode = 'all' | 'focus' | 'reverse';
export type ColorBy = 'layer' | 'package';

/**
 * A link to a place in an image (v=1: the Linkage share link; v=2: the page's URL, which adds the
 * image's name, the layer, the path and the package); `view` is the view id as written in the link.
 */
export interface SharedView {
  readonly version: 1 | 2;
  readonly imageId: string;
  readonly view: string;
  readonly selected: string | null;
  readonly mode: LinkageMode;
  readonly colorBy: ColorBy;
  readonly search: string;
  /** v=2: the image's first name, so a link opened without its image can say which one to open. */
  readonly name?: string;
  readonly layer?: number | null;
  readonly path?: string | null;
  /** v=2: the open package as "name:arch". */
  readonly pkg?: string | null;
  /** v=2: the Compare view's old and new images. */
  readonly compareOld?: ComparePick | null;
  readonly compareNew?: ComparePick | null;
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

export const createLinkageSlice: StateCreator<
  LinkageSlice & NavigationSlice & FilesSlice & CompareSlice,
  [],
  [],
  LinkageSlice
> = (set) => ({
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
            ...placeOf(share),
          }
        : {},
    ),
});

/** The layer, path, package and compared images a v=2 link names (v=1 links name none of them). */
export function placeOf(link: SharedView): Partial<NavigationSlice & FilesSlice & CompareSlice> {
  if (link.version === 1) return {};
  const place: Partial<NavigationSlice & FilesSlice & CompareSlice> = {
    layer: link.layer ?? null,
    selectedPath: link.path ?? null,
    packageKey: link.pkg ?? null,
    compareOld: link.compareOld ?? null,
    compareNew: link.compareNew ?? null,
  };
  if (link.path) place.expanded = withParents(link.path);
  return place;
}

function withParents(path: string): Set<string> {
  const expanded = new Set(['/']);
  let dir = '';
  for (const part of path.split('/').filter(Boolean).slice(0, -1)) {
    dir += `/${part}`;
    expanded.add(dir);
  }
  return expanded;
}
