/** When the shown image is the one a shared link names, open the view the link describes. */
import { useEffect } from 'react';
import { useStore } from '../../state/store';

export function useApplyShare(imageId: string | null): void {
  const pending = useStore((s) => s.pendingShare);
  const apply = useStore((s) => s.applyPendingShare);
  useEffect(() => {
    if (pending && imageId && pending.imageId === imageId) apply();
  }, [pending, imageId, apply]);
}
