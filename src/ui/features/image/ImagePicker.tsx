/** Which image of the archive is shown: every image and platform by name; absent platforms listed, disabled. */
import { useTranslation } from 'react-i18next';
import type { ArchiveSummary } from '../../../protocol/messages';
import './image.css';

function label(image: ArchiveSummary['images'][number], untagged: string): string {
  const name = image.names[0] ?? image.bareTags[0] ?? `${untagged} ${image.id.slice(7, 19)}`;
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
  const { t } = useTranslation();
  if (archive.images.length < 2 && archive.notIncluded.length === 0) return null;
  return (
    <label className="picker">
      <span>{t('image.count', { count: archive.images.length })}</span>
      <select aria-label={t('image.title')} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {archive.images.map((image) => (
          <option key={image.key} value={image.key} title={image.names.join('\n')}>
            {label(image, t('image.untagged'))}
            {image.names.length > 1 ? t('image.moreNames', { count: image.names.length - 1 }) : ''}
          </option>
        ))}
        {archive.notIncluded.map((n) => (
          <option key={n.digest} disabled value="">
            {t('image.notIncluded', { platform: n.platform })}
          </option>
        ))}
      </select>
    </label>
  );
}
