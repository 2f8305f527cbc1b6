/** The ranked lists beside the whole-image overview; each entry that names an object focuses it on a click. */
import { useTranslation } from 'react-i18next';
import type { SideList } from '../../../protocol/linkage';

export function OverviewLists({
  lists,
  onFocus,
}: {
  lists: readonly SideList[];
  onFocus: (key: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <aside className="overview-lists" aria-label={t('linkage.rankedLists')}>
      {lists.map((list) => (
        <section key={list.heading}>
          <h2>{list.heading}</h2>
          <ol>
            {list.rows.map((row, i) => {
              const key = list.keys?.[i];
              return (
                <li key={row}>
                  {key === undefined ? (
                    row
                  ) : (
                    <button type="button" className="link-button" title={key} onClick={() => onFocus(key)}>
                      {row}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </aside>
  );
}
