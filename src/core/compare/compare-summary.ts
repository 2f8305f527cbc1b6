/** The one-line summary of a comparison, shared by the Markdown, the text output and the page. */
import { formatSize } from '../session/history-view';
import type { CompareJson } from './compare-types';

/** "+1.2 MB", "−300 kB", "±0 B". */
export function signedSize(bytes: number): string {
  if (bytes === 0) return '±0 B';
  return `${bytes > 0 ? '+' : '−'}${formatSize(Math.abs(bytes))}`;
}

export function growthPercent(result: CompareJson): string {
  if (result.size.old === 0) return '';
  const percent = (result.size.delta / result.size.old) * 100;
  return ` (${percent >= 0 ? '+' : '−'}${Math.abs(percent).toFixed(1)}%)`;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** size delta, packages +added −removed ↑upgraded ↓downgraded, new ELF objects, new unresolved libraries. */
export function summaryParts(result: CompareJson): string[] {
  const p = result.packages;
  return [
    `size ${signedSize(result.size.delta)}${growthPercent(result)}`,
    p.manager === null
      ? 'no package database'
      : `packages +${p.added.length} −${p.removed.length} ↑${p.upgraded.length} ↓${p.downgraded.length}`,
    plural(result.linkage.objectsAdded.length, 'new ELF object', 'new ELF objects'),
    plural(result.linkage.unresolvedNew.length, 'new unresolved library', 'new unresolved libraries'),
  ];
}
