/** One line of the tree: change marker, name, link target, permissions, owner, size. */
import type { TreeRow } from '../../../protocol/messages';
import { useTranslation } from 'react-i18next';
import { formatPermissions } from '../../../protocol/format';
import { useFormat } from '../../i18n/use-format';
import { useStore } from '../../state/store';

const MARK: Record<string, string> = {
  added: 'A',
  modified: 'M',
  removed: 'D',
  contains: '•',
  unchanged: '',
};

export function TreeRowView({
  row,
  depth,
  expanded,
  owner,
  id,
  active,
}: {
  row: TreeRow;
  depth: number;
  expanded: boolean;
  owner: string | null | undefined;
  id: string;
  /** The row the keyboard is on (the tree's aria-activedescendant). */
  active: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const selected = useStore((s) => s.selectedPath === row.path);
  const toggle = useStore((s) => s.toggleExpanded);
  const select = useStore((s) => s.selectPath);
  const special = (row.mode & 0o6000) !== 0 && row.kind !== 'dir';
  return (
    <div
      role="treeitem"
      id={id}
      aria-selected={selected}
      aria-expanded={row.hasChildren ? expanded : undefined}
      aria-level={depth + 1}
      data-path={row.path}
      className={`tree__row tree__row--${row.change}${selected ? ' tree__row--selected' : ''}${active ? ' tree__row--active' : ''}`}
      onClick={() => {
        select(row.path);
        if (row.hasChildren) toggle(row.path);
      }}
    >
      <span
        className={`tree__mark tree__mark--${row.change}`}
        title={
          row.change === 'contains'
            ? t('files.changesBelow', { count: row.changedCount })
            : t(`files.change.${row.change}`)
        }
      >
        {MARK[row.change]}
      </span>
      <span className="tree__name" style={{ paddingLeft: depth * 16 }}>
        <span className="tree__chevron">{row.hasChildren ? (expanded ? '▾' : '▸') : ''}</span>
        {row.name}
        {row.kind === 'dir' ? '/' : ''}
        {row.linkTarget && (
          <span className="muted">
            {row.kind === 'hardlink' ? ' => ' : ' -> '}
            {row.linkTarget}
          </span>
        )}
        {row.details.length > 0 && (
          <span className="tree__details">
            {' '}
            [{format.list(row.details.map((d) => t(`changeDetails.${d}`)))}]
          </span>
        )}
        {row.change === 'contains' && <span className="muted"> ({format.count(row.changedCount)})</span>}
      </span>
      <code className={special ? 'tree__perm tree__perm--special' : 'tree__perm'}>
        {formatPermissions(row.kind, row.mode)}
      </code>
      <span className="tree__owner">
        {row.uid}:{row.gid}
      </span>
      <span className="tree__owner-pkg" title={owner ? t('files.ownedBy', { owner }) : undefined}>
        {owner ?? ''}
      </span>
      <span className="tree__size num">
        {row.kind === 'dir' || row.kind === 'file' || row.kind === 'hardlink'
          ? format.size(row.kind === 'dir' ? row.totalSize : row.size)
          : ''}
      </span>
      <span className="tree__layer num">{row.layer >= 0 ? `L${row.layer}` : ''}</span>
    </div>
  );
}
