/**
 * One of the config's long lists, Env or Labels. A config can carry tens of thousands of either; rendering
 * every one at once froze the tab for seconds, so the image's view holds the first hundred (core's
 * views/config-lists.ts) and the rest come from the worker on demand, a few hundred a request. Past a few
 * hundred the list is drawn virtually in a scroll box of its own that a keyboard can scroll.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ConfigListName, ConfigListPage } from '../../../protocol/messages';
import { CONFIG_PAGE_SIZE, useConfigList } from '../../queries/use-config-list';
import type { ImageRef } from '../../queries/use-files';
import { ErrorMessage } from '../../i18n/ErrorMessage';
import { useFormat } from '../../i18n/use-format';

/** Longer lists are drawn virtually. */
const VIRTUAL_FROM = 200;
/**
 * Virtual rows do not wrap: one fixed height keeps the scroll box's length exact, so End reaches the last
 * entry at once (a long entry scrolls sideways instead).
 */
const ROW_HEIGHT = 22;

function pageText(page: ConfigListPage): readonly string[] {
  return page.list === 'env' ? page.items : page.items.map(([key, value]) => `${key}=${value}`);
}

function VirtualItems({ items, label }: { items: readonly string[]; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  return (
    <div ref={scroller} className="config-list scroll-region" tabIndex={0} role="group" aria-label={label}>
      <ul className="plain config-list__items" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((item) => (
          <li
            key={item.key}
            className="config-list__item"
            style={{
              transform: `translateY(${item.start}px)`,
              height: ROW_HEIGHT,
              lineHeight: `${ROW_HEIGHT}px`,
            }}
            aria-posinset={item.index + 1}
            aria-setsize={items.length}
          >
            <code>{items[item.index]}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ConfigList({
  image,
  list,
  label,
  first,
  total,
}: {
  image: ImageRef;
  list: ConfigListName;
  /** The list's name (Env, Labels), for its scroll box. */
  label: string;
  first: readonly string[];
  total: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [wanted, setWanted] = useState(first.length);
  const { pages, loaded, error, retry } = useConfigList(image, list, first.length, wanted);
  const items = useMemo(() => [...first, ...pages.flatMap(pageText)], [first, pages]);
  const busy = loaded < Math.min(wanted, total) && !error;
  const more = Math.min(CONFIG_PAGE_SIZE, total - loaded);

  // The buttons go once every entry is shown: the focus they had moves to the list, not to the page's start.
  const box = useRef<HTMLDivElement>(null);
  const asked = useRef(false);
  const complete = loaded >= total;
  useLayoutEffect(() => {
    if (!complete || !asked.current) return;
    if (document.activeElement === null || document.activeElement === document.body) {
      box.current?.querySelector<HTMLElement>('.config-list')?.focus();
      if (!box.current?.contains(document.activeElement)) box.current?.focus();
    }
  }, [complete]);
  const ask = (count: number) => {
    asked.current = true;
    setWanted(count);
    if (error) retry();
  };

  return (
    <div ref={box} tabIndex={-1} className="config-list__box">
      {items.length > VIRTUAL_FROM ? (
        <VirtualItems items={items} label={label} />
      ) : (
        <ul className="plain">
          {items.map((item, i) => (
            <li key={i}>
              <code className="wrap">{item}</code>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorMessage error={error} />}
      {!complete && (
        <div className="config-list__more">
          <span className="muted" role="status">
            {busy
              ? t('image.loadingItems')
              : t('image.shownOf', { shown: format.count(loaded), total: format.count(total) })}
          </span>
          <button
            type="button"
            className="button button--secondary"
            // After a failed page it is that page that is asked for again.
            onClick={() => ask(error ? wanted : Math.max(wanted, loaded) + more)}
          >
            {t('image.showMore', { count: more, n: format.count(more) })}
          </button>
          <button type="button" className="button button--secondary" onClick={() => ask(total)}>
            {t('image.showAll', { count: total, n: format.count(total) })}
          </button>
        </div>
      )}
    </div>
  );
}
