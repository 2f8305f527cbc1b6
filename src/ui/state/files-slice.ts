/** UI state of the Files view: which tree, what is expanded and selected, sort and filters. */
import type { StateCreator } from 'zustand';

export type FilesMode = 'merged' | 'changes';
export type SortKey = 'name' | 'size';
export type ChangeFilter = 'added' | 'modified' | 'removed' | 'unchanged';
export type KindFilter = 'file' | 'symlink' | 'hardlink' | 'special' | 'elf' | 'script' | 'text';

/** An image of an opened archive (the page's archive id) to compare the shown image against. */
export interface CompareBase {
  readonly archiveId: string;
  readonly imageKey: string;
}

export interface FilesSlice {
  filesMode: FilesMode;
  /** First layer of a compared range (changes mode); null = the current layer alone. */
  compareFrom: number | null;
  /** Another open image to compare the shown one against. */
  compareBase: CompareBase | null;
  expanded: ReadonlySet<string>;
  selectedPath: string | null;
  sort: SortKey;
  changeFilter: readonly ChangeFilter[];
  kindFilter: readonly KindFilter[];
  minSize: number | null;
  specialBitsOnly: boolean;
  setFilesMode(mode: FilesMode): void;
  setCompareFrom(layer: number | null): void;
  setCompareBase(base: CompareBase | null): void;
  toggleExpanded(path: string): void;
  revealPath(path: string): void;
  selectPath(path: string | null): void;
  setSort(sort: SortKey): void;
  toggleChangeFilter(kind: ChangeFilter): void;
  toggleKindFilter(kind: KindFilter): void;
  setMinSize(bytes: number | null): void;
  setSpecialBitsOnly(on: boolean): void;
}

const toggle = <T>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

export const createFilesSlice: StateCreator<FilesSlice> = (set) => ({
  filesMode: 'changes',
  compareFrom: null,
  compareBase: null,
  expanded: new Set(['/']),
  selectedPath: null,
  sort: 'name',
  changeFilter: [],
  kindFilter: [],
  minSize: null,
  specialBitsOnly: false,
  setFilesMode: (filesMode) => set({ filesMode }),
  setCompareFrom: (compareFrom) => set({ compareFrom, filesMode: 'changes' }),
  setCompareBase: (compareBase) => set({ compareBase, filesMode: 'changes' }),
  toggleExpanded: (path) =>
    set((s) => {
      const expanded = new Set(s.expanded);
      if (expanded.has(path)) expanded.delete(path);
      else expanded.add(path);
      return { expanded };
    }),
  revealPath: (path) =>
    set((s) => {
      const expanded = new Set(s.expanded);
      const parts = path.split('/').filter(Boolean);
      let dir = '';
      for (const part of parts.slice(0, -1)) {
        dir += `/${part}`;
        expanded.add(dir);
      }
      return { expanded, selectedPath: path };
    }),
  selectPath: (selectedPath) => set({ selectedPath }),
  setSort: (sort) => set({ sort }),
  toggleChangeFilter: (kind) => set((s) => ({ changeFilter: toggle(s.changeFilter, kind) })),
  toggleKindFilter: (kind) => set((s) => ({ kindFilter: toggle(s.kindFilter, kind) })),
  setMinSize: (minSize) => set({ minSize }),
  setSpecialBitsOnly: (specialBitsOnly) => set({ specialBitsOnly }),
});
