/** One opened archive: its image picker, and the views of the shown image. */
import type { ArchiveSummary, ImageOverview } from '../../../protocol/messages';
import { formatSize } from '../../../protocol/format';
import { useStore } from '../../state/store';
import { ImagePanel } from '../image/ImagePanel';
import { ImagePicker } from '../image/ImagePicker';
import { LayersTable } from '../layers/LayersTable';
import { FilesView } from '../files/FilesView';
import { WasteView } from '../waste/WasteView';
import { ViewTabs } from './ViewTabs';
import { ResolverPanel } from '../names/ResolverPanel';
import { PackagesView } from '../packages/PackagesView';
import { LinkageView } from '../linkage/LinkageView';
import { useApplyShare } from '../linkage/use-apply-share';
import { SharedBase, sharedMarks } from '../layers/SharedBase';
import { useSharedLayers } from '../../queries/use-names';
import { choiceLabel, useCompareChoices } from './use-compare-choices';
import { CompareView } from '../compare/CompareView';

export function Workspace({
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
  const selectImage = useStore((s) => s.selectImage);
  const current = useStore((s) => s.view);
  const choices = useCompareChoices(archiveId, imageKey);
  const image = imageKey ? { archiveId, imageKey } : null;
  const shared = useSharedLayers(image);
  useApplyShare(view?.inspect.id ?? null);
  const shown = archive.images.find((i) => i.key === imageKey);
  const firstName = shown?.names[0] ?? '';
  return (
    <div className="workspace">
      <div className="workspace__bar">
        <div>
          <h2 className="workspace__title">{archive.fileName}</h2>
          <span className="muted">
            {archive.formatLabel}
            {archive.compression !== 'none' && ` · ${archive.compression}-compressed`} ·{' '}
            {formatSize(archive.fileSize)}
          </span>
        </div>
        {imageKey && (
          <ImagePicker archive={archive} value={imageKey} onChange={(key) => selectImage(archiveId, key)} />
        )}
      </div>
      {archive.warnings.map((w) => (
        <p key={w} className="warn-text" role="status">
          {w}
        </p>
      ))}
      {!view || !image ? (
        <p className="muted">
          {archive.images.length === 0
            ? 'This archive holds no image that can be shown (only artifacts or platforms that are not included).'
            : 'Reading the image…'}
        </p>
      ) : (
        <>
          <ViewTabs ready={view.complete} />
          {current === 'layers' && (
            <div className="workspace__grid">
              <section className="panel panel--wide">
                <h2>Layers</h2>
                <SharedBase shared={shared.data ?? []} layerCount={view.inspect.layers.length} />
                <LayersTable
                  key={`${archiveId}|${imageKey}`}
                  rows={view.history}
                  shared={sharedMarks(shared.data)}
                />
              </section>
              <ImagePanel image={view.inspect} />
            </div>
          )}
          {current === 'files' && view.complete && (
            <FilesView
              image={image}
              history={view.history}
              layerCount={view.inspect.layers.length}
              compareChoices={choices}
            />
          )}
          {current === 'waste' && view.complete && <WasteView image={image} history={view.history} />}
          {current === 'names' && <ResolverPanel initialName={firstName} />}
          {current === 'packages' && view.complete && <PackagesView image={image} />}
          {current === 'compare' && view.complete && (
            <CompareView
              image={image}
              currentLabel={shown ? choiceLabel(shown) : view.inspect.id}
              choices={choices}
            />
          )}
          {current === 'linkage' && view.complete && (
            <LinkageView image={image} layerCount={view.inspect.layers.length} />
          )}
        </>
      )}
    </div>
  );
}
