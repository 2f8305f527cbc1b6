/** The formatters bound to the page's current language. */
import { useTranslation } from 'react-i18next';
import { formatBytes, formatCount, formatExact, formatList, formatPercent, formatRelative } from './format';

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    locale,
    size: (bytes: number) => formatBytes(bytes, locale),
    count: (n: number) => formatCount(n, locale),
    percent: (ratio: number) => formatPercent(ratio, locale),
    relative: (iso: string | null) => formatRelative(iso, locale),
    exact: (iso: string | null) => formatExact(iso, locale),
    /** Data (paths, package names) listed with the language's separator: "a, b" / "a、b". */
    list: (items: readonly string[]) => formatList(items, locale, 'plain'),
  };
}
