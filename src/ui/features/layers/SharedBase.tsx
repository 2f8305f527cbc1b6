/**
 * Which layers this image shares with other open images (same chain ID from the base up): the
 * summary a reviewer wants ("L0–L2 are the base image …"), and where the two diverge.
 */
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
  if (shared.length === 0) return null;
  return (
    <ul className="shared-base plain" aria-label="Shared layers">
      {shared.slice(0, 6).map((s) => {
        const range = s.count === 1 ? 'L0 is' : `L0–L${s.count - 1} are`;
        const relation =
          s.count === s.otherLayerCount && s.count < layerCount
            ? `the base image ${s.label}`
            : s.count === layerCount && s.count < s.otherLayerCount
              ? `the bottom of ${s.label}, which is built on this image`
              : `shared with ${s.label}`;
        return (
          <li key={`${s.archiveId}|${s.imageKey}`}>
            <span className="tag tag--shared">shared</span> {range} {relation}
            <span className="muted"> ({s.fileName})</span>
            {s.count < layerCount && s.count < s.otherLayerCount && (
              <span className="muted"> — they diverge at L{s.count}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
