/**
 * The comparison's one-line summary in the page's language: the same parts as the CLI's (size delta, packages,
 * new ELF objects, new unresolved libraries), which stays English.
 */
import { useTranslation } from 'react-i18next';
import type { CompareJson } from '../../../protocol/compare';
import { useFormat } from '../../i18n/use-format';

/** "+1.2 MB", "−300 kB", "±0 B", with the page's number format. */
export function signedSize(bytes: number, size: (n: number) => string): string {
  return bytes === 0 ? `±${size(0)}` : `${bytes > 0 ? '+' : '−'}${size(Math.abs(bytes))}`;
}

export function useSummary(): (result: CompareJson) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (r) => {
    const p = r.packages;
    const delta = r.size.delta;
    const size = signedSize(delta, format.size);
    const growth =
      r.size.old === 0 ? '' : ` (${delta >= 0 ? '+' : '−'}${format.percent(Math.abs(delta) / r.size.old)})`;
    return [
      t('compare.summary.size', { delta: size, percent: growth }),
      p.manager === null
        ? t('compare.summary.noPackageDb')
        : t('compare.summary.packages', {
            added: p.added.length,
            removed: p.removed.length,
            upgraded: p.upgraded.length,
            downgraded: p.downgraded.length,
          }),
      t('compare.summary.newObjects', { count: r.linkage.objectsAdded.length }),
      t('compare.summary.newUnresolved', { count: r.linkage.unresolvedNew.length }),
    ].join(' · ');
  };
}
