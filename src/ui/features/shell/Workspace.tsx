/** One opened archive: its image picker, and the views of the shown image, one tabpanel each. */
import { memo } from 'react';
import { TabPanel } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ArchiveSummary, ImageOverview } from '../../../protocol/messages';
import { useFormat } from '../../i18n/use-format';
import { sentenceText } from '../../i18n/error-text';
import { useStore } from '../../state/store';
import { ImagePanel } from '../image/ImagePanel';
import { AfterFirstCommit } from './AfterFirstCommit';
import { ImagePicker } from '../image/ImagePicker';
import { LayersTable } from '../layers/LayersTable';
import { FilesView } from '../files/FilesView';
import { WasteView } from '../waste/WasteView';
import { ViewTabs } from './ViewTabs';
import { ResolverPanel } from '../names/ResolverPanel';
import { PackagesView } from '../packages/PackagesView';
import { LinkageView } from '../linkage/LinkageView';
import { useApplyShare } from '../linkage/use-apply-share';
import { CompareView } from '../compare/CompareView';
import { SharedBase, sharedMarks } from '../layers/SharedBase';
import { useSharedLayers } from '../../queries/use-names';
import { choiceLabel, useCompareChoices } from './use-compare-choices';
import { usePageTitle } from './use-page-title';
import { useUrlState } from '../../url/url-state';

const SETTLED = new Set(['done', 'failed', 'absent']);

/** Memoised: the shell re-renders before a fresh view is shown (use-active-archive.ts), the workspace need not. */
export const Workspace = memo(function Workspace({
  archiveId,
  archive,
  imageKey,
  view,
}: {
  archiveId: string;
  archive: ArchiveSummary;
  imageKey: string | null;
  view: ImageOverview | undefined;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const selectImage = useStore((s) => s.selectImage);
  const choices = useCompareChoices(archiveId, imageKey);
  const image = imageKey ? { archiveId, imageKey } : null;
  const shared = useSharedLayers(image);
  useApplyShare(view?.inspect.id ?? null);
  const shown = archive.images.find((i) => i.key === imageKey);
  const firstName = shown?.names[0] ?? '';
  usePageTitle(firstName || archive.fileName);
  useUrlState(view ? { imageId: view.inspect.id, name: firstName } : null);
  const layers = view?.history.filter((r) => r.layerIndex !== null) ?? [];
  const indexed = { done: layers.filter((r) => SETTLED.has(r.state)).length, total: layers.length };
  return (
    <div className="workspace">
      <div className="workspace__bar">
        <div className="workspace__heading">
          <h1 className="workspace__title">{archive.fileName}</h1>
          <span className="muted">
            {t(`workspace.format.${archive.format}`, { defaultValue: archive.formatLabel })}
            {archive.compression !== 'none' &&
              ` · ${t('workspace.compressed', { compression: archive.compression })}`}{' '}
            · {format.size(archive.fileSize)}
          </span>
        </div>
        {imageKey && (
          <ImagePicker archive={archive} value={imageKey} onChange={(key) => selectImage(archiveId, key)} />
        )}
      </div>
      {archive.warnings.map((w, i) => (
        <p key={w} className="warn-text" role="status">
          {sentenceText(archive.warningSentences[i], w, t, i18n.language)}
        </p>
      ))}
      {!view || !image ? (
        <p className="muted">
          {archive.images.length === 0 ? t('workspace.noImage') : t('workspace.readingImage')}
        </p>
      ) : (
        <ViewTabs ready={view.complete} indexed={indexed}>
          <TabPanel id="layers" className="view-panel">
            <div className="workspace__grid">
              <section className="panel panel--wide" aria-labelledby="layers-heading">
                <h2 id="layers-heading">{t('views.layers')}</h2>
                <SharedBase shared={shared.data ?? []} layerCount={view.inspect.layers.length} />
                <LayersTable
                  key={`${archiveId}|${imageKey}`}
                  rows={view.history}
                  shared={sharedMarks(shared.data)}
                  focusKey={`${archiveId}|${imageKey}`}
                />
              </section>
              <AfterFirstCommit>
                <ImagePanel target={image} image={view.inspect} env={view.env} labels={view.labels} />
              </AfterFirstCommit>
            </div>
          </TabPanel>
          {view.complete && (
            <>
              <TabPanel id="files" className="view-panel">
                <FilesView
                  image={image}
                  history={view.history}
                  layerCount={view.inspect.layers.length}
                  compareChoices={choices}
                />
              </TabPanel>
              <TabPanel id="waste" className="view-panel">
                <WasteView image={image} history={view.history} />
              </TabPanel>
              <TabPanel id="packages" className="view-panel">
                <PackagesView image={image} />
              </TabPanel>
              <TabPanel id="linkage" className="view-panel">
                <LinkageView image={image} layerCount={view.inspect.layers.length} />
              </TabPanel>
              <TabPanel id="compare" className="view-panel">
                <CompareView
                  current={{
                    ...image,
                    label: shown ? choiceLabel(shown) : view.inspect.id,
                    imageId: view.inspect.id,
                    name: firstName,
                  }}
                  choices={choices}
                />
              </TabPanel>
            </>
          )}
          <TabPanel id="names" className="view-panel">
            <ResolverPanel initialName={firstName} />
          </TabPanel>
        </ViewTabs>
      )}
    </div>
  );
});
