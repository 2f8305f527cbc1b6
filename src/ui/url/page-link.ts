/**
 * The page's place as a URL hash (never sent to a server): the image id and name, the view, the
 * layer, the path, the package and the Linkage selection. Versioned
 * (docs/conventions.md#versioned-output): v=2; the Linkage share links of v=1 still open.
 */
import { decodeShare } from '../features/linkage/share-link';
import type { StoreState } from '../state/store';
import type { SharedView } from '../state/linkage-slice';

const IMAGE_ID = /^sha256:[0-9a-f]{64}$/;

/** `search` stands in for the state's Linkage search, to compare two places ignoring what is typed. */
export function encodeLink(
  state: StoreState,
  image: { imageId: string; name: string },
  search: string = state.linkageSearch,
): string {
  const params = new URLSearchParams({ v: '2', image: image.imageId });
  if (image.name) params.set('name', image.name);
  params.set('view', state.view);
  if (state.layer !== null) params.set('layer', String(state.layer));
  if (state.selectedPath) params.set('path', state.selectedPath);
  if (state.packageKey) params.set('pkg', state.packageKey);
  if (state.linkageSelected) params.set('sel', state.linkageSelected);
  if (state.linkageMode !== 'all') params.set('mode', state.linkageMode);
  if (state.colorBy !== 'layer') params.set('color', state.colorBy);
  if (search) params.set('q', search);
  return `#${params.toString()}`;
}

export function decodeLink(hash: string): SharedView | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.get('v') === '1') return decodeShare(hash);
  if (params.get('v') !== '2') return null;
  const imageId = params.get('image');
  if (!imageId || !IMAGE_ID.test(imageId)) return null;
  const mode = params.get('mode');
  const layer = Number.parseInt(params.get('layer') ?? '', 10);
  return {
    version: 2,
    imageId,
    name: params.get('name') ?? '',
    view: params.get('view') ?? 'layers',
    layer: Number.isInteger(layer) && layer >= 0 ? layer : null,
    path: params.get('path'),
    pkg: params.get('pkg'),
    selected: params.get('sel'),
    mode: mode === 'focus' || mode === 'reverse' ? mode : 'all',
    colorBy: params.get('color') === 'package' ? 'package' : 'layer',
    search: params.get('q') ?? '',
  };
}
