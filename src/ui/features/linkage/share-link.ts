/**
 * A link that reopens the same view: the image id, the view, the selection and the filters, in the URL's hash
 * (never sent to a server). Versioned (docs/conventions.md#versioned-output): v=1.
 */
import type { SharedView } from '../../state/linkage-slice';

export function encodeShare(view: SharedView): string {
  const params = new URLSearchParams({
    v: String(view.version),
    image: view.imageId,
    view: view.view,
    mode: view.mode,
    color: view.colorBy,
  });
  if (view.selected) params.set('sel', view.selected);
  if (view.search) params.set('q', view.search);
  return `#${params.toString()}`;
}

export function decodeShare(hash: string): SharedView | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.get('v') !== '1') return null;
  const imageId = params.get('image');
  if (!imageId || !/^sha256:[0-9a-f]{64}$/.test(imageId)) return null;
  const mode = params.get('mode');
  const color = params.get('color');
  return {
    version: 1,
    imageId,
    view: params.get('view') ?? 'graph',
    selected: params.get('sel'),
    mode: mode === 'focus' || mode === 'reverse' ? mode : 'all',
    colorBy: color === 'package' ? 'package' : 'layer',
    search: params.get('q') ?? '',
  };
}
