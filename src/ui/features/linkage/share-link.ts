/**
 * Links of the first format (v=1, the Linkage view's own) still open: the image id, the view, the selection
 * and the filters, in the URL's hash. New links are the page's URL (src/ui/url, v=2), which says all of it.
 */
import type { SharedView } from '../../state/linkage-slice';

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
