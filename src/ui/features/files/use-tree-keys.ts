/**
 * The Files tree by keyboard, as the WAI-ARIA tree pattern has it: the tree is one Tab stop and
 * names its active row with aria-activedescendant (rows are virtual, so focus cannot sit on them);
 * ↑/↓ move, → opens a directory or steps into it, ← closes it or steps to its parent, Home/End,
 * Enter shows the file in the Path panel.
 */
import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useStore } from '../../state/store';
import type { FlatRow } from './tree-rows';

/** A DOM id for a path: ids may hold any character but spaces. */
export function rowId(path: string): string {
  return `tree-row-${encodeURIComponent(path)}`;
}

export function moreId(dir: string): string {
  return `tree-more-${encodeURIComponent(dir)}`;
}

export function useTreeKeys(rows: readonly FlatRow[], virtual: Virtualizer<HTMLDivElement, Element>) {
  const selectedPath = useStore((s) => s.selectedPath);
  const [activePath, setActivePath] = useState<string | null>(null);
  const found = rows.findIndex((r) => r.key === (activePath ?? selectedPath));
  const active = found >= 0 ? found : 0;
  const activeFlat = rows[active];
  const activeRow = activeFlat?.row;

  const moveTo = (index: number) => {
    const flat = rows[index];
    if (!flat) return;
    setActivePath(flat.key);
    virtual.scrollToIndex(index, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const s = useStore.getState();
    const row = activeRow;
    const step = (from: number, by: number) => from + by;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(step(active, 1));
        break;
      case 'ArrowUp':
        moveTo(step(active, -1));
        break;
      case 'Home':
        moveTo(step(-1, 1));
        break;
      case 'End':
        moveTo(step(rows.length, -1));
        break;
      case 'ArrowRight':
        if (!row?.hasChildren) return;
        if (!s.expanded.has(row.path)) s.toggleExpanded(row.path);
        else moveTo(step(active, 1));
        break;
      case 'ArrowLeft': {
        if (!row) return;
        if (row.hasChildren && s.expanded.has(row.path)) s.toggleExpanded(row.path);
        else {
          const parent = row.path.slice(0, row.path.lastIndexOf('/'));
          const index = rows.findIndex((r) => r.row?.path === parent);
          if (index >= 0) moveTo(index);
        }
        break;
      }
      case 'Enter':
      case ' ':
        // A "show more" row: press its button.
        if (!row && activeFlat?.more) document.getElementById(moreId(activeFlat.more.dir))?.click();
        if (!row) break;
        s.selectPath(row.path);
        if (row.hasChildren && event.key === ' ') s.toggleExpanded(row.path);
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };
  return {
    active,
    activeId: activeRow ? rowId(activeRow.path) : activeFlat?.more ? moreId(activeFlat.more.dir) : undefined,
    onKeyDown,
    // Only when the tree itself takes focus (Tab), not when a click inside it does: a click on
    // "show more" must leave the scroll position where it is.
    onFocus: (event: FocusEvent) => {
      if (event.target === event.currentTarget && active >= 0)
        virtual.scrollToIndex(active, { align: 'auto' });
    },
  };
}
