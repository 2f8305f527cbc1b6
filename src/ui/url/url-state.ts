/**
 * The URL follows the user: every change of place (view, layer, path, package, Linkage selection,
 * compared images) is a history entry, so Back and Forward retrace it. A link opened before its image waits in the
 * store (pendingShare) until an image with that id is shown; Back to a place in the shown image
 * applies it at once.
 */
import { useEffect } from 'react';
import { useStore } from '../state/store';
import { decodeLink, encodeLink } from './page-link';

/** The image on screen, for links read on Back/Forward. */
let shown: { imageId: string; name: string } | null = null;
/** Set while a URL is being applied, so applying it does not write a new entry. */
let applying = false;

function applyHash(hash: string): void {
  const link = decodeLink(hash);
  const store = useStore.getState();
  applying = true;
  try {
    store.setPendingShare(link);
    if (link && shown && link.imageId === shown.imageId) store.applyPendingShare();
  } finally {
    applying = false;
  }
}

export function startUrlState(): void {
  applyHash(window.location.hash);
  window.addEventListener('popstate', () => applyHash(window.location.hash));
}

/** While an image is shown, write its place to the URL on every change. */
export function useUrlState(image: { imageId: string; name: string } | null): void {
  const imageId = image?.imageId ?? null;
  const name = image?.name ?? '';
  useEffect(() => {
    if (!imageId) return;
    const current = { imageId, name };
    shown = current;
    const write = (push: boolean) => {
      const state = useStore.getState();
      // A link waiting for another image keeps the URL it came with.
      if (applying || state.pendingShare) return;
      const hash = encodeLink(state, current);
      if (hash === window.location.hash) return;
      // Typing into a search field changes the URL in place: one entry per place, not per key.
      const before = decodeLink(window.location.hash);
      const typed =
        before?.imageId === imageId && encodeLink(state, current, before.search) === window.location.hash;
      // The Compare view writing down the pair it shows by default is the same place, not a new one.
      const defaulted =
        before?.imageId === imageId &&
        !before.compareOld &&
        !before.compareNew &&
        encodeLink({ ...state, compareOld: null, compareNew: null }, current) === window.location.hash;
      if (push && !typed && !defaulted) window.history.pushState(null, '', hash);
      else window.history.replaceState(null, '', hash);
    };
    write(false);
    const unsubscribe = useStore.subscribe(() => write(true));
    return () => {
      unsubscribe();
      if (shown === current) shown = null;
    };
  }, [imageId, name]);
}
