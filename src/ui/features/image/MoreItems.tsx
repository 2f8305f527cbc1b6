/**
 * The end of a config list cut short. An image's config can carry tens of thousands of Env entries or labels;
 * rendering every one froze the tab for seconds, so the panel shows the first SHOWN_ITEMS and says how many
 * more there are (all of them are in the inspect JSON, `strata inspect --json`).
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';

export const SHOWN_ITEMS = 100;

export function MoreItems({ total }: { total: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const more = total - SHOWN_ITEMS;
  if (more <= 0) return null;
  return <li className="muted">{t('image.moreItems', { count: more, n: format.count(more) })}</li>;
}
