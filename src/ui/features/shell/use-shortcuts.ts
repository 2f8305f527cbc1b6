/**
 * The page's keys, as dive users expect: `/` search, `1`–`7` views, `[` `]` previous/next layer,
 * `g` linkage of the selected file, `?` the list of keys, Escape closes the open panel. Keys typed
 * into a field, or with a modifier, are left alone.
 */
import { useEffect } from 'react';
import { useStore } from '../../state/store';
import { TABS } from './ViewTabs';

export const SHORTCUTS = ['/', '1–7', '[ ]', 'g', 'Escape', '?'] as const;

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))
  );
}

/** The search field of the shown view, after React has drawn it. */
function focusSearch(): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLInputElement>('[role="tabpanel"] input[type="search"]')?.focus();
  });
}

export function useShortcuts({
  ready,
  layerCount,
  filesLayer,
}: {
  ready: boolean;
  layerCount: number;
  /** The layer Files shows before one is picked, so `[` and `]` step from what is on screen. */
  filesLayer: number | null;
}): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const s = useStore.getState();
      if (event.key === 'Escape') {
        if (s.selectedPath !== null && !typing(event.target)) s.selectPath(null);
        return;
      }
      if (typing(event.target)) return;
      const top = layerCount - 1;
      const layer = s.layer ?? (s.view === 'files' ? (filesLayer ?? top) : top);
      const tab = TABS[Number(event.key) - 1];
      if (event.key === '?') s.setHelpOpen(true);
      else if (event.key === '/') {
        if (!document.querySelector('[role="tabpanel"] input[type="search"]') && ready) s.setView('files');
        focusSearch();
      } else if (tab && /^[1-7]$/.test(event.key)) {
        if (ready || !tab.needsIndex) s.setView(tab.view);
      } else if (event.key === '[' && layerCount > 0) s.setLayer(Math.max(0, layer - 1));
      else if (event.key === ']' && layerCount > 0) s.setLayer(Math.min(top, layer + 1));
      else if (event.key === 'g' && ready && s.selectedPath) {
        s.setLinkageSelection(s.selectedPath, 'focus');
        s.setView('linkage');
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ready, layerCount, filesLayer]);
}
