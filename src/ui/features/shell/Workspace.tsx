/** One opened archive: its image picker, the layer stack and the image panel. */
import type { ArchiveSummary, ImageView } from '../../../protocol/messages';
import { formatSize } from '../../../protocol/format';
import { useStore } from '../../state/store';
import { ImagePanel } from '../image/ImagePanel';
import { ImagePicker } from '../image/ImagePicker';
import { LayersTable } from '../layers/LayersTable';

export function Workspace({
  fileKey,
  archive,
  imageKey,
  view,
}: {
  fileKey: string;
  archive: ArchiveSummary;
  imageKey: string | null;
  view: ImageView | undefined;
}) {
  const selectImage = useStore((s) => s.selectImage);
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
          <ImagePicker archive={archive} value={imageKey} onChange={(key) => selectImage(fileKey, key)} />
        )}
      </div>
      {archive.warnings.map((w) => (
        <p key={w} className="warn-text" role="status">
          {w}
        </p>
      ))}
      {view ? (
        <div className="workspace__grid">
          <section className="panel panel--wide">
            <h2>Layers</h2>
            <LayersTable rows={view.history} />
          </section>
          <ImagePanel image={view.inspect} />
        </div>
      ) : (
        <p className="muted">
          {archive.images.length === 0
            ? 'This archive holds no image that can be shown (only artifacts or platforms that are not included).'
            : 'Reading the image…'}
        </p>
      )}
    </div>
  );
}
