/**
 * The tree of the selected layer, virtualized: only the rows on screen are drawn, and each expanded
 * directory's entries are fetched from the worker as one page, so trees of 200,000+ entries stay fluid.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TreeScope } from '../../../protocol/files';
import type { TreeRequest } from '../../../protocol/messages';
import { useTreePages, type ImageRef } from '../../queries/use-files';
import { useStore } from '../../state/store';
import { flatten } from './tree-rows';
import { useOwners } from '../../queries/use-packages';
import { TreeRowView } from './TreeRowView';
import { moreId, rowId, useTreeKeys } from './use-tree-keys';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import type { TreeResult } from '../../../protocol/files';
import { ErrorMessage } from '../../i18n/ErrorMessage';

const PAGE = 2000;
const CONTENT: readonly string[] = ['elf', 'script', 'text'];
const ROW_HEIGHT = 26;

export function FileTree({ image, scope }: { image: ImageRef; scope: TreeScope }) {
  const { t } = useTranslation();
  const format = useFormat();
  const expanded = useStore((s) => s.expanded);
  const sort = useStore((s) => s.sort);
  const changeFilter = useStore((s) => s.changeFilter);
  const kindFilter = useStore((s) => s.kindFilter);
  const minSize = useStore((s) => s.minSize);
  const specialBitsOnly = useStore((s) => s.specialBitsOnly);
  const [limits, setLimits] = useState<Record<string, number>>({});

  const filter = useMemo(
    () => ({
      changes: changeFilter.length ? changeFilter : undefined,
      kinds: kindFilter.some((k) => !CONTENT.includes(k))
        ? kindFilter
            .filter((k) => !CONTENT.includes(k))
            .flatMap((k) => (k === 'special' ? ['char', 'block', 'fifo', 'other'] : [k]))
        : undefined,
      // ELF, script and text are told by a file's first bytes: the worker reads them.
      content: kindFilter.some((k) => CONTENT.includes(k))
        ? (kindFilter.filter((k) => CONTENT.includes(k)) as ('elf' | 'script' | 'text')[])
        : undefined,
      minSize: minSize ?? undefined,
      specialBits: specialBitsOnly || undefined,
    }),
    [changeFilter, kindFilter, minSize, specialBitsOnly],
  );
  // Every expanded directory's page is asked for (the set is small); only those under expanded
  // parents are drawn. A directory absent at this layer comes back as an empty page.
  const dirs = ['/', ...[...expanded].filter((d) => d !== '/').sort()];
  const requests: TreeRequest[] = dirs.map((path) => ({
    path,
    offset: 0,
    limit: limits[path] ?? PAGE,
    sort,
    filter,
  }));
  const results = useTreePages(image, scope, requests);
  const stamp = results.map((r) => r.dataUpdatedAt).join(',');
  // While a directory's longer page loads ("show more"), its shorter page stays in the list: the
  // list keeps its height and the browser keeps the scroll position.
  const shown = useRef<{ signature: string; pages: Map<string, TreeResult> }>({
    signature: '',
    pages: new Map(),
  });
  const signature = JSON.stringify([scope, sort, filter]);
  if (shown.current.signature !== signature) shown.current = { signature, pages: new Map() };
  dirs.forEach((d, i) => {
    const data = results[i]?.data;
    if (data) shown.current.pages.set(d, data);
  });
  const rows = useMemo(
    () =>
      flatten(
        expanded,
        new Map<string, TreeResult | undefined>(dirs.map((d) => [d, shown.current.pages.get(d)])),
      ),
    // The results array is new on every render; its data changes only when a stamp does.
    [expanded, stamp, dirs.join('|')], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const error = results[0]?.error;

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });

  // A path revealed from search, a package or the waste list scrolls into view once its row exists.
  const selectedPath = useStore((s) => s.selectedPath);
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedPath || scrolledTo.current === selectedPath) return;
    const index = rows.findIndex((r) => r.row?.path === selectedPath);
    if (index < 0) return;
    scrolledTo.current = selectedPath;
    virtual.scrollToIndex(index, { align: 'center' });
  }, [selectedPath, rows, virtual]);

  const keys = useTreeKeys(rows, virtual);

  // Owners of the files on screen (and a little around), fetched per visible set.
  const visible = virtual.getVirtualItems();
  const ownerPaths = visible
    .map((v) => rows[v.index]?.row)
    .filter((r) => r !== undefined && r.kind !== 'dir')
    .map((r) => r!.path);
  const owners = useOwners(image, ownerPaths).data;

  if (error) return <ErrorMessage error={error} />;
  if (results[0]?.isPending) return <p className="muted">{t('files.readingTree')}</p>;
  if (rows.length === 0)
    return <p className="muted">{scope.mode === 'changes' ? t('files.noChanges') : t('files.noMatch')}</p>;
  return (
    <div
      className="tree"
      ref={scroller}
      role="tree"
      aria-label={t('files.tree')}
      tabIndex={0}
      aria-activedescendant={keys.activeId}
      onKeyDown={keys.onKeyDown}
      onFocus={keys.onFocus}
    >
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((item) => {
          const flat = rows[item.index]!;
          return (
            <div
              key={flat.key}
              className="tree__slot"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              {flat.row ? (
                <TreeRowView
                  row={flat.row}
                  depth={flat.depth}
                  expanded={expanded.has(flat.row.path)}
                  owner={owners?.[flat.row.path]}
                  id={rowId(flat.row.path)}
                  active={keys.active === item.index}
                />
              ) : (
                <button
                  type="button"
                  tabIndex={-1}
                  id={moreId(flat.more!.dir)}
                  className={`tree__more${keys.active === item.index ? ' tree__row--active' : ''}`}
                  style={{ paddingLeft: 12 + flat.depth * 16 }}
                  onClick={() =>
                    setLimits((l) => ({ ...l, [flat.more!.dir]: (l[flat.more!.dir] ?? PAGE) + PAGE * 5 }))
                  }
                >
                  {t('files.more', { count: flat.more!.hidden, n: format.count(flat.more!.hidden) })}
                </button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
