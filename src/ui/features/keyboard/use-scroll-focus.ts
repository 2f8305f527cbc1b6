/**
 * A box that may scroll (a wide table on a phone, a long listing) takes keyboard focus exactly while
 * its content overflows, so the keyboard can scroll it (WCAG 2.1.1; axe's scrollable-region-focusable)
 * without adding a useless Tab stop on a screen where everything fits. The caller names the box.
 */
import { useCallback, useRef } from 'react';

export function useScrollFocus(): (element: HTMLElement | null) => void {
  const observer = useRef<ResizeObserver | null>(null);
  return useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    const update = () => {
      const scrolls =
        element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
      if (scrolls) element.tabIndex = 0;
      else element.removeAttribute('tabindex');
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(update);
    observer.current.observe(element);
    // The content growing (rows arriving) changes what overflows without resizing the box itself.
    for (const child of Array.from(element.children)) observer.current.observe(child);
  }, []);
}
