/**
 * Which layers this image shares with other open images (same chain ID from the base up): the
 * summary a reviewer wants ("L0–L2 are the base image …"), and where the two diverge.
 */
import { useTranslation } from 'react-i18next';
import type { SharedWith } from '../../../protocol/names';
import './layers.css';

export function sharedMarks(shared: readonly SharedWith[] | undefined): Map<number, string> {
  const marks = new Map<number, string>();
  for (const s of shared ?? []) {
    for (let i = 0; i < s.count; i++) if (!marks.has(i)) marks.set(i, s.label.replace(/ \(.*\)$/, ''));
  }
  return marks;
}

export function SharedBase({ shared, layerCount }: { shared: readonly SharedWith[]; layerCount: number }) {
  const { t } = useTranslation();
  if (shared.length === 0) return null;
  return (
    <ul className="shared-base plain" aria-label={t('shared.label')}>
      {shared.slice(0, 6).map((s) => {
        const range = s.count === 1 ? 'L0' : `L0–L${s.count - 1}`;
        const relation =
          s.count === s.otherLayerCount && s.count < layerCount
            ? 'base'
            : s.count === layerCount && s.count < s.otherLayerCount
              ? 'bottom'
              : 'shared';
        return (
          <li key={`${s.archiveId}|${s.imageKey}`}>
            <span className="tag tag--shared">{t('shared.tag')}</span>{' '}
            {t(`shared.${relation}`, { range, count: s.count, image: s.label })}
            <span className="muted"> ({s.fileName})</span>
            {s.count < layerCount && s.count < s.otherLayerCount && (
              <span className="muted"> — {t('shared.diverge', { layer: `L${s.count}` })}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
