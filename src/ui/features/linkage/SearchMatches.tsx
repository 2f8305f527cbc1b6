/**
 * Search as a list to choose from: every object whose path or SONAME matches, exact names first, programs
 * before libraries; arrow keys move, Enter opens the highlighted one (a program on what it loads, a library
 * on what loads it); Focus and Reverse act on the highlighted match, not on the first.
 */
import { useTranslation } from 'react-i18next';
import { useMemo, useState } from 'react';
import type { GraphData } from '../../../protocol/linkage';
import { useStore } from '../../state/store';

const SHOWN = 12;

export function matchNodes(data: GraphData, text: string): number[] {
  const q = text.trim().toLowerCase();
  if (q === '') return [];
  const name = (i: number) => {
    const n = data.nodes[i]!;
    return [n.path.slice(n.path.lastIndexOf('/') + 1).toLowerCase(), (n.soname ?? '').toLowerCase()];
  };
  const score = (i: number) => {
    const names = name(i);
    if (names.includes(q) || data.nodes[i]!.path.toLowerCase() === q) return 0;
    return names.some((n) => n.startsWith(q)) ? 1 : 2;
  };
  return data.nodes
    .map((_, i) => i)
    .filter((i) => {
      const n = data.nodes[i]!;
      return (
        n.kind !== 'missing' &&
        (n.path.toLowerCase().includes(q) || (n.soname ?? '').toLowerCase().includes(q))
      );
    })
    .sort(
      (a, b) =>
        score(a) - score(b) ||
        (data.nodes[a]!.kind === 'exe' ? 0 : 1) - (data.nodes[b]!.kind === 'exe' ? 0 : 1) ||
        (data.nodes[a]!.path < data.nodes[b]!.path ? -1 : 1),
    );
}

export function SearchMatches({ data }: { data: GraphData }) {
  const { t } = useTranslation();
  const search = useStore((s) => s.linkageSearch);
  const setSearch = useStore((s) => s.setLinkageSearch);
  const setSelection = useStore((s) => s.setLinkageSelection);
  const matches = useMemo(() => matchNodes(data, search), [data, search]);
  const [active, setActive] = useState(0);
  const [listed, setListed] = useState(true);
  const at = Math.min(active, Math.max(0, matches.length - 1));
  const open = (i: number | undefined, mode?: 'focus' | 'reverse') => {
    if (i === undefined) return;
    const node = data.nodes[i]!;
    setListed(false);
    setSelection(node.path, mode ?? (node.kind === 'exe' ? 'focus' : 'reverse'));
  };
  const shown = matches.slice(0, SHOWN);
  return (
    <div className="search-matches">
      <input
        type="search"
        aria-label={t('linkage.search')}
        placeholder={t('linkage.searchPlaceholder')}
        role="combobox"
        aria-expanded={listed && shown.length > 0}
        aria-controls="linkage-matches"
        aria-activedescendant={shown.length > 0 ? `linkage-match-${at}` : undefined}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setActive(0);
          setListed(true);
        }}
        onKeyDown={(e) => {
          if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !listed) setListed(true);
          else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive(Math.max(0, Math.min(shown.length - 1, at + step)));
          } else if (e.key === 'Enter') open(shown[at]);
        }}
      />
      {search && <span>{t('linkage.found', { count: matches.length })}</span>}
      {shown.length > 0 && (
        <>
          <button type="button" className="button button--secondary" onClick={() => open(shown[at], 'focus')}>
            {t('linkage.focus')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => open(shown[at], 'reverse')}
          >
            {t('linkage.reverse')}
          </button>
          {listed && (
            <ul
              id="linkage-matches"
              role="listbox"
              aria-label={t('linkage.matches')}
              className="search-matches__list"
            >
              {shown.map((i, k) => (
                <li
                  key={i}
                  id={`linkage-match-${k}`}
                  role="option"
                  aria-selected={k === at}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => open(i)}
                >
                  <code>{data.nodes[i]!.path}</code>
                  <span className="muted">
                    {' '}
                    {data.nodes[i]!.kind === 'exe' ? t('linkage.program') : t('linkage.libraryKind')}
                  </span>
                </li>
              ))}
              {matches.length > SHOWN && (
                <li className="muted">{t('linkage.moreMatches', { count: matches.length - SHOWN })}</li>
              )}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
