/** The ranked lists beside the whole-image overview; each entry that names an object focuses it on a click. */
import type { SideList } from '../../../protocol/linkage';

export function OverviewLists({
  lists,
  onFocus,
}: {
  lists: readonly SideList[];
  onFocus: (key: string) => void;
}) {
  return (
    <aside className="overview-lists" aria-label="Ranked lists">
      {lists.map((list) => (
        <section key={list.heading}>
          <h3>{list.heading}</h3>
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
