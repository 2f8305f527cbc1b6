/** The shown picture as a nested list: its text alternative, read by screen readers and searchable by the page. */
import { useTranslation } from 'react-i18next';
import type { Picture } from '../../../protocol/linkage';

export function PictureOutline({ picture }: { picture: Picture }) {
  const { t } = useTranslation();
  const forward = picture.graph.direction !== 'loaded-by';
  const children = new Map<string, string[]>();
  for (const e of picture.edges) {
    if (e.kind === 'extra') continue;
    const [near, far] = forward ? [e.from, e.to] : [e.to, e.from];
    children.set(near, [...(children.get(near) ?? []), far]);
  }
  const byKey = new Map(picture.nodes.map((n) => [n.key, n]));
  const seen = new Set<string>();
  const item = (key: string): React.ReactNode => {
    const node = byKey.get(key);
    if (node === undefined || seen.has(key)) return null;
    seen.add(key);
    const kids = (children.get(key) ?? []).map(item).filter(Boolean);
    return (
      <li key={key}>
        {node.label}
        {node.kind === 'missing' ? t('linkage.outlineMissing') : node.label !== key ? ` — ${key}` : ''}
        {node.note !== null ? ` (${node.note})` : ''}
        {kids.length > 0 && <ul>{kids}</ul>}
      </li>
    );
  };
  const roots = picture.nodes
    .filter((n) => n.root || picture.graph.direction === 'overview')
    .map((n) => n.key);
  const top = roots.map(item);
  const rest = picture.nodes.filter((n) => !seen.has(n.key)).map((n) => item(n.key));
  return (
    <details className="picture-outline">
      <summary>{t('linkage.outline')}</summary>
      <ul aria-label={t('linkage.outlineLabel')}>
        {top}
        {rest}
      </ul>
    </details>
  );
}
