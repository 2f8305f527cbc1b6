/** What each layer changed: the layer strip, the tree (changes or merged), search, and the path panel. */
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryStep } from '../../../protocol/messages';
import type { TreeScope } from '../../../protocol/files';
import { useTreePages, type ImageRef } from '../../queries/use-files';
import { useStore } from '../../state/store';
import { FileTree } from './FileTree';
import { FilesToolbar, type CompareChoice } from './FilesToolbar';
import { LayerStrip } from './LayerStrip';
import { PathPanel } from './PathPanel';
import { SearchResults } from './SearchResults';
import { biggestLayer } from './biggest-layer';
import './files.css';

export function FilesView({
  image,
  history,
  layerCount,
  compareChoices,
}: {
  image: ImageRef;
  history: readonly HistoryStep[];
  layerCount: number;
  compareChoices: readonly CompareChoice[];
}) {
  const { t } = useTranslation();
  const currentLayer = useStore((s) => s.layer);
  const mode = useStore((s) => s.filesMode);
  const compareFrom = useStore((s) => s.compareFrom);
  const compareBase = useStore((s) => s.compareBase);
  const selectedPath = useStore((s) => s.selectedPath);
  const [search, setSearch] = useState('');
  const [searchMode, setSearchMode] = useState<'substring' | 'glob' | 'regex'>('substring');
  const deferredSearch = useDeferredValue(search);
  // Until a layer is picked, Files opens on the layer that changed the most bytes: the top layer
  // is often a one-line CMD or a config tweak with next to nothing to show.
  const layer = currentLayer ?? biggestLayer(history) ?? layerCount - 1;
  // A base whose archive was closed (or is still opening) is not compared against.
  const baseOpen = compareChoices.some((c) => c.archiveId === compareBase?.archiveId);
  const scope: TreeScope =
    compareBase && baseOpen
      ? { layer, mode: 'changes', base: compareBase }
      : { layer, mode, ...(compareFrom !== null && mode === 'changes' ? { from: compareFrom } : {}) };
  const root = useTreePages(image, scope, [{ path: '/', offset: 0, limit: 1, sort: 'name' }])[0];
  return (
    <div className="files">
      <LayerStrip history={history} layer={layer} />
      <section className="panel files__main" aria-label={t('views.files')}>
        <FilesToolbar
          layer={layer}
          layerCount={layerCount}
          counts={root?.data?.counts ?? null}
          search={search}
          onSearch={setSearch}
          searchMode={searchMode}
          onSearchMode={setSearchMode}
          compareChoices={compareChoices}
        />
        {compareBase && <p className="muted">{t('files.againstBase')}</p>}
        {deferredSearch.trim() ? (
          <SearchResults
            image={image}
            text={deferredSearch.trim()}
            mode={searchMode}
            onPicked={() => setSearch('')}
          />
        ) : (
          <FileTree image={image} scope={scope} />
        )}
      </section>
      {selectedPath && <PathPanel image={image} layer={layer} path={selectedPath} history={history} />}
    </div>
  );
}
