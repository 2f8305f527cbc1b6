/**
 * The page's place as a URL hash (never sent to a server): the image id and name, the view, the
 * layer, the path, the package, the Linkage selection and the Compare view's images. Versioned
 * (docs/conventions.md#versioned-output): v=2; the Linkage share links of v=1 still open.
 */
import { decodeShare } from '../features/linkage/share-link';
import type { StoreState } from '../state/store';
import type { ComparePick } from '../state/compare-slice';
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
  for (const [key, pick] of [
    ['old', state.compareOld],
    ['new', state.compareNew],
  ] as const) {
    if (!pick) continue;
    params.set(key, pick.imageId);
    if (pick.name) params.set(`${key}name`, pick.name);
  }
  return `#${params.toString()}`;
}

function decodePick(params: URLSearchParams, key: 'old' | 'new'): ComparePick | null {
  const imageId = params.get(key);
  if (!imageId || !IMAGE_ID.test(imageId)) return null;
  return { imageId, name: params.get(`${key}name`) ?? '' };
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
    compareOld: decodePick(params, 'old'),
    compareNew: decodePick(params, 'new'),
  };
}
