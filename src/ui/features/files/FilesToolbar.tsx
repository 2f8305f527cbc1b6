/** How the tree is shown: changes or the merged tree, a compared range or image, search, sort, filters. */
import type { ChangeCounts } from '../../../protocol/files';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { useStoreFields } from '../../state/store';
import type { ChangeFilter, KindFilter } from '../../state/files-slice';

const CHANGES: ChangeFilter[] = ['added', 'modified', 'removed', 'unchanged'];
const KINDS: KindFilter[] = ['file', 'symlink', 'hardlink', 'special', 'elf', 'script', 'text'];
/** The size filter's steps, in the decimal units every size on the page is written in. */
const MIN_SIZES = [1_000, 100_000, 1_000_000, 10_000_000];

export interface CompareChoice {
  readonly archiveId: string;
  readonly imageKey: string;
  readonly label: string;
  readonly imageId: string;
  /** The image's first name, or ''. */
  readonly name: string;
}

export function FilesToolbar({
  layer,
  layerCount,
  counts,
  search,
  onSearch,
  searchMode,
  onSearchMode,
  compareChoices,
}: {
  layer: number;
  layerCount: number;
  counts: ChangeCounts | null;
  search: string;
  onSearch: (text: string) => void;
  searchMode: 'substring' | 'glob' | 'regex';
  onSearchMode: (mode: 'substring' | 'glob' | 'regex') => void;
  compareChoices: readonly CompareChoice[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const s = useStoreFields((state) => ({
    filesMode: state.filesMode,
    compareFrom: state.compareFrom,
    compareBase: state.compareBase,
    sort: state.sort,
    changeFilter: state.changeFilter,
    kindFilter: state.kindFilter,
    minSize: state.minSize,
    specialBitsOnly: state.specialBitsOnly,
    setFilesMode: state.setFilesMode,
    setCompareFrom: state.setCompareFrom,
    setCompareBase: state.setCompareBase,
    setSort: state.setSort,
    toggleChangeFilter: state.toggleChangeFilter,
    toggleKindFilter: state.toggleKindFilter,
    setMinSize: state.setMinSize,
    setSpecialBitsOnly: state.setSpecialBitsOnly,
  }));
  const base = s.compareBase;
  return (
    <div className="toolbar">
      <div className="toolbar__row">
        <div className="segmented" role="group" aria-label={t('files.treeMode')}>
          <button
            type="button"
            aria-pressed={s.filesMode === 'changes' && !base}
            onClick={() => {
              s.setCompareBase(null);
              s.setFilesMode('changes');
            }}
          >
            {t('files.changes')}
          </button>
          <button
            type="button"
            aria-pressed={s.filesMode === 'merged' && !base}
            onClick={() => {
              s.setCompareBase(null);
              s.setFilesMode('merged');
            }}
          >
            {t('files.merged')}
          </button>
        </div>
        <label>
          {t('files.compareFrom')}{' '}
          <select
            aria-label={t('files.compareFromLayer')}
            value={s.compareFrom ?? ''}
            onChange={(e) =>
              s.setCompareFrom(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))
            }
          >
            <option value="">{t('files.thisLayerOnly')}</option>
            {Array.from({ length: layerCount }, (_, i) => (
              <option key={i} value={i} disabled={i === layer}>
                L{i}
              </option>
            ))}
          </select>
        </label>
        {compareChoices.length > 0 && (
          <label>
            {t('files.againstImage')}{' '}
            <select
              aria-label={t('files.againstImageLabel')}
              value={base ? `${base.archiveId}|${base.imageKey}` : ''}
              onChange={(e) => {
                const [archiveId, imageKey] = e.currentTarget.value.split('|');
                s.setCompareBase(archiveId && imageKey ? { archiveId, imageKey } : null);
              }}
            >
              <option value="">—</option>
              {compareChoices.map((c) => (
                <option key={`${c.archiveId}|${c.imageKey}`} value={`${c.archiveId}|${c.imageKey}`}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="toolbar__spacer" />
        <input
          type="search"
          aria-label={t('files.searchPaths')}
          placeholder={t('files.searchPlaceholder')}
          value={search}
          onChange={(e) => onSearch(e.currentTarget.value)}
        />
        <select
          aria-label={t('files.searchMode')}
          value={searchMode}
          onChange={(e) => onSearchMode(e.currentTarget.value as 'substring' | 'glob' | 'regex')}
        >
          <option value="substring">{t('files.byName')}</option>
          <option value="glob">glob</option>
          <option value="regex">regex</option>
        </select>
      </div>
      <div className="toolbar__row">
        {counts && (
          <span className="counts" aria-label={t('files.changeCounts')}>
            <span className="change change--added">+{format.count(counts.added)}</span>{' '}
            {format.size(counts.addedBytes)} ·{' '}
            <span className="change change--modified">~{format.count(counts.modified)}</span>{' '}
            {format.size(counts.modifiedBytes)} ·{' '}
            <span className="change change--removed">−{format.count(counts.removed)}</span>{' '}
            {format.size(counts.removedBytes)}
          </span>
        )}
        <span className="toolbar__spacer" />
        <label>
          {t('files.sort')}{' '}
          <select
            aria-label={t('files.sort')}
            value={s.sort}
            onChange={(e) => s.setSort(e.currentTarget.value as 'name' | 'size')}
          >
            <option value="name">{t('files.byName')}</option>
            <option value="size">{t('layers.size')}</option>
          </select>
        </label>
        {CHANGES.map((c) => (
          <label key={c} className="chip">
            <input
              type="checkbox"
              checked={s.changeFilter.includes(c)}
              onChange={() => s.toggleChangeFilter(c)}
            />{' '}
            {t(`files.change.${c}`)}
          </label>
        ))}
        {KINDS.map((k) => (
          <label key={k} className="chip">
            <input
              type="checkbox"
              checked={s.kindFilter.includes(k)}
              onChange={() => s.toggleKindFilter(k)}
            />{' '}
            {t(`files.filter.${k}`)}
          </label>
        ))}
        <label className="chip">
          <input
            type="checkbox"
            checked={s.specialBitsOnly}
            onChange={(e) => s.setSpecialBitsOnly(e.currentTarget.checked)}
          />{' '}
          setuid/setgid
        </label>
        <label>
          ≥{' '}
          <select
            aria-label={t('files.minSize')}
            value={s.minSize ?? ''}
            onChange={(e) =>
              s.setMinSize(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))
            }
          >
            <option value="">{t('files.anySize')}</option>
            {MIN_SIZES.map((bytes) => (
              <option key={bytes} value={bytes}>
                {format.size(bytes)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
