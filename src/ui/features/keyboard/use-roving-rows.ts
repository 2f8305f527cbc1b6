/**
 * A table's rows as one Tab stop (WAI-ARIA roving tabindex): each row's first cell holds a button;
 * ↑/↓, Home and End move between those buttons, Enter or Space presses the one focused. The stop is
 * the row last focused, else `initial`.
 */
import { useRef, useState, type KeyboardEvent } from 'react';

export function useRovingRows(count: number, initial: number) {
  const [focused, setFocused] = useState<number | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const stop = focused !== null && focused < count ? focused : Math.max(0, Math.min(initial, count - 1));
  const onKeyDown = (event: KeyboardEvent, i: number) => {
    const to =
      event.key === 'ArrowDown'
        ? i + 1
        : event.key === 'ArrowUp'
          ? i - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : null;
    if (to === null || to < 0 || to >= count) return;
    event.preventDefault();
    setFocused(to);
    buttons.current[to]?.focus();
  };
  /** Props for row i's button. */
  const rowButton = (i: number) => ({
    ref: (el: HTMLButtonElement | null) => {
      buttons.current[i] = el;
    },
    tabIndex: stop === i ? 0 : -1,
    onKeyDown: (event: KeyboardEvent) => onKeyDown(event, i),
    onFocus: () => setFocused(i),
  });
  return { rowButton, focus: (i: number) => buttons.current[i]?.focus({ preventScroll: true }) };
}
