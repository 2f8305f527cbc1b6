/**
 * The end of a config list cut short. An image's config can carry tens of thousands of Env entries or labels;
 * rendering every one froze the tab for seconds, so the worker sends the first hundred (core's
 * views/config-lists.ts) and the panel says how many more there are (all of them are in the inspect JSON,
 * `strata inspect --json`).
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';

export function MoreItems({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const more = total - shown;
  if (more <= 0) return null;
  return <li className="muted">{t('image.moreItems', { count: more, n: format.count(more) })}</li>;
}
