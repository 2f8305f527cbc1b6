/**
 * UI state, the only zustand store (docs/conventions.md#ui-state-and-queries): which files were opened, which
 * one and which image is shown, the live progress of a load. Data read from archives lives in TanStack Query.
 */
import { create, type StateCreator } from 'zustand';
import type { Progress } from '../../protocol/messages';
import { createFilesSlice, type FilesSlice } from './files-slice';
import { createGraphSlice, type GraphSlice } from './graph-slice';

export type AppState = 'empty' | 'loading' | 'ready' | 'error';

export interface OpenedFile {
  /** Local key of this drop (not the worker's archive id). */
  readonly key: string;
  readonly file: File;
}

export type View = 'layers' | 'files' | 'waste' | 'packages' | 'graph' | 'names';

interface AppSlice {
  view: View;
  setView(view: View): void;
  files: readonly OpenedFile[];
  activeKey: string | null;
  /** Selected image per opened file. */
  imageKeys: Readonly<Record<string, string>>;
  /** The history row whose details are open. */
  selectedLayer: number | null;
  /** The layer the Files view shows (null: the top layer). */
  layer: number | null;
  setLayer(layer: number | null): void;
  progress: Progress | null;
  progressStartedAt: number;
  appState: AppState;
  error: string | null;
  openFile(file: File): void;
  selectImage(fileKey: string, imageKey: string): void;
  selectLayer(index: number | null): void;
  setProgress(progress: Progress | null): void;
  setAppState(state: AppState, error?: string | null): void;
  closeFile(key: string): void;
}

let counter = 0;

type StoreState = AppSlice & FilesSlice & GraphSlice;

const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set) => ({
  view: 'layers',
  setView: (view) => set({ view }),
  files: [],
  activeKey: null,
  imageKeys: {},
  selectedLayer: null,
  layer: null,
  setLayer: (layer) => set({ layer, selectedPath: null }),
  progress: null,
  progressStartedAt: 0,
  appState: 'empty',
  error: null,
  openFile: (file) => {
    const key = `f${++counter}`;
    set((s) => ({
      files: [...s.files, { key, file }],
      activeKey: key,
      selectedLayer: null,
      layer: null,
      compareFrom: null,
      selectedPath: null,
      appState: 'loading',
      error: null,
      progress: null,
      progressStartedAt: Date.now(),
    }));
  },
  selectImage: (fileKey, imageKey) =>
    set((s) => ({
      imageKeys: { ...s.imageKeys, [fileKey]: imageKey },
      selectedLayer: null,
      layer: null,
      compareFrom: null,
      selectedPath: null,
    })),
  selectLayer: (index) => set({ selectedLayer: index }),
  setProgress: (progress) =>
    set((s) => ({ progress, progressStartedAt: progress && !s.progress ? Date.now() : s.progressStartedAt })),
  setAppState: (appState, error = null) => set({ appState, error }),
  closeFile: (key) =>
    set((s) => {
      const files = s.files.filter((f) => f.key !== key);
      const activeKey = s.activeKey === key ? (files.at(-1)?.key ?? null) : s.activeKey;
      return { files, activeKey, appState: files.length === 0 ? 'empty' : s.appState };
    }),
});

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a),
  ...createFilesSlice(...a),
  ...createGraphSlice(...a),
}));
