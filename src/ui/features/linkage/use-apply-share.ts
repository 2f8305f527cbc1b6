/** When the shown image is the one a shared link names, open the view the link describes. */
import { useEffect } from 'react';
import { useStore, type View } from '../../state/store';

const VIEWS: readonly View[] = ['layers', 'files', 'waste', 'packages', 'graph', 'names'];

export function useApplyShare(imageId: string | null): void {
  const pending = useStore((s) => s.pendingShare);
  useEffect(() => {
    if (!pending || !imageId || pending.imageId !== imageId) return;
    const s = useStore.getState();
    s.setView(VIEWS.includes(pending.view as View) ? (pending.view as View) : 'graph');
    s.setGraphSelection(pending.selected, pending.selected ? pending.mode : 'all');
    s.setColorBy(pending.colorBy);
    s.setGraphSearch(pending.search);
    s.setPendingShare(null);
  }, [pending, imageId]);
}
