/**
 * UI state, the only zustand store (house style rule 7): which files were opened, which one and which
 * image is shown, the live progress of a load. Data read from archives lives in TanStack Query.
 */
import { create } from 'zustand';
import type { Progress } from '../../protocol/messages';

export type AppState = 'empty' | 'loading' | 'ready' | 'error';

export interface OpenedFile {
  /** Local key of this drop (not the worker's archive id). */
  readonly key: string;
  readonly file: File;
}

interface StoreState {
  files: readonly OpenedFile[];
  activeKey: string | null;
  /** Selected image per opened file. */
  imageKeys: Readonly<Record<string, string>>;
  selectedLayer: number | null;
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

export const useStore = create<StoreState>()((set) => ({
  files: [],
  activeKey: null,
  imageKeys: {},
  selectedLayer: null,
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
      appState: 'loading',
      error: null,
      progress: null,
      progressStartedAt: Date.now(),
    }));
  },
  selectImage: (fileKey, imageKey) =>
    set((s) => ({ imageKeys: { ...s.imageKeys, [fileKey]: imageKey }, selectedLayer: null })),
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
}));
