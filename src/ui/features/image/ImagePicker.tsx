/** Which image of the archive is shown: every image and platform by name; absent platforms listed, disabled. */
import type { ArchiveSummary } from '../../../protocol/messages';
import './image.css';

function label(image: ArchiveSummary['images'][number]): string {
  const name = image.names[0] ?? image.bareTags[0] ?? `untagged ${image.id.slice(7, 19)}`;
  const p = image.platform;
  return `${name} · ${[p.os, p.architecture, p.variant].filter(Boolean).join('/')}`;
}

export function ImagePicker({
  archive,
  value,
  onChange,
}: {
  archive: ArchiveSummary;
  value: string;
  onChange: (key: string) => void;
}) {
  if (archive.images.length < 2 && archive.notIncluded.length === 0) return null;
  return (
    <label className="picker">
      <span>{archive.images.length} images</span>
      <select aria-label="Image" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {archive.images.map((image) => (
          <option key={image.key} value={image.key} title={image.names.join('\n')}>
            {label(image)}
            {image.names.length > 1 ? ` (+${image.names.length - 1} names)` : ''}
          </option>
        ))}
        {archive.notIncluded.map((n) => (
          <option key={n.digest} disabled value="">
            {n.platform} — not included
          </option>
        ))}
      </select>
    </label>
  );
}
