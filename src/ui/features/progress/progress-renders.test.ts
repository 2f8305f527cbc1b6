// @vitest-environment happy-dom
/**
 * A load reports progress many times a second. Only what shows progress may re-render on a tick:
 * the app shell leaves progress to the progress panel, and the Files and Linkage toolbars read the
 * store through selectors, so they stay still.
 */
import { act, createElement, Profiler, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GraphData } from '../../../protocol/linkage';
import type { Progress } from '../../../protocol/messages';
import { useStore } from '../../state/store';
import { App } from '../../App';
import { FilesToolbar } from '../files/FilesToolbar';
import { LinkageToolbar } from '../linkage/LinkageToolbar';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const initial = useStore.getState();
let root: Root;
let commits: number;

function mount(element: ReactElement): void {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root.render(createElement(Profiler, { id: 'toolbar', onRender: () => commits++ }, element)));
}

function tick(bytesRead: number): Progress {
  return { phase: 'indexing', bytesRead, totalBytes: 1000, layers: [] };
}

function tenTicks(): void {
  for (let i = 1; i <= 10; i++) act(() => useStore.getState().setProgress(tick(i * 100)));
}

const filesToolbar = createElement(FilesToolbar, {
  layer: 1,
  layerCount: 3,
  counts: null,
  search: '',
  onSearch: () => undefined,
  searchMode: 'substring',
  onSearchMode: () => undefined,
  compareChoices: [],
});

const data: GraphData = {
  imageId: `sha256:${'0'.repeat(64)}`,
  layer: 0,
  nodes: [],
  edges: [],
  problems: [],
  timings: { resolve: 0 },
};
const shown = { nodes: [], edges: [], positions: new Map(), depth: new Map() };
const linkageToolbar = createElement(LinkageToolbar, {
  layerCount: 3,
  data,
  shown,
  canvas: {
    canvasRef: { current: null },
    fit: () => undefined,
    center: () => undefined,
    transform: () => {
      throw new Error('the toolbar never asks for the transform');
    },
  },
  labels: true,
  onLabels: () => undefined,
  grouped: false,
  onGrouped: () => undefined,
});

beforeEach(() => {
  useStore.setState(initial, true);
  commits = 0;
});
afterEach(() => {
  act(() => root.unmount());
  vi.unstubAllGlobals();
});

describe('a progress tick', () => {
  it('does not re-render the app shell', () => {
    // The shell asks the page's client about failed archives; no archive is open, so its worker stays idle.
    vi.stubGlobal(
      'Worker',
      class {
        postMessage(): void {}
        addEventListener(): void {}
        terminate(): void {}
      },
    );
    mount(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(App)));
    const mounted = commits;
    tenTicks();
    expect(commits).toBe(mounted);
  });

  it.each([
    { toolbar: 'Files', element: filesToolbar, shown: () => useStore.getState().setSort('size') },
    {
      toolbar: 'Linkage',
      element: linkageToolbar,
      shown: () => useStore.getState().setLinkageSearch('libssl'),
    },
  ])('does not re-render the $toolbar toolbar', ({ element, shown }) => {
    mount(element);
    expect(commits).toBe(1);
    tenTicks();
    expect(commits).toBe(1);
    // The count is live: a field the toolbar shows does re-render it.
    act(shown);
    expect(commits).toBe(2);
  });
});
