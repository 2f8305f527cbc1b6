/** Paths matching a search across every layer; a click reveals the path and its history. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { useSearch, type ImageRef } from '../../queries/use-files';
import { useStore } from '../../state/store';
import { ErrorMessage } from '../../i18n/ErrorMessage';

export function SearchResults({
  image,
  text,
  mode,
  onPicked,
}: {
  image: ImageRef;
  text: string;
  mode: 'substring' | 'glob' | 'regex';
  /** A hit was picked: the results close and the tree shows it. */
  onPicked: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const result = useSearch(image, 'all', text, mode);
  const reveal = useStore((s) => s.revealPath);
  const setLayer = useStore((s) => s.setLayer);
  if (result.isPending) return <p className="muted">{t('files.searching')}</p>;
  if (result.error) return <ErrorMessage error={result.error} />;
  const hits = result.data.hits;
  return (
    <div className="search-results">
      <p className="muted">
        {hits.length === 0
          ? t('files.noHits')
          : t('files.hits', {
              count: hits.length,
              n: `${format.count(hits.length)}${result.data.truncated ? '+' : ''}`,
            })}
      </p>
      <ul className="plain" aria-label={t('files.results')}>
        {hits.map((h) => (
          <li key={h.path}>
            <button
              type="button"
              className={`search-hit${h.inFinal ? '' : ' search-hit--gone'}`}
              onClick={() => {
                setLayer(h.layer);
                reveal(h.path);
                onPicked();
              }}
            >
              <code>{h.path}</code>
              <span className="muted">
                {' '}
                L{h.layer} · {t(`files.kind.${h.kind}`)}
                {h.kind === 'file' ? ` · ${format.size(h.size)}` : ''}
                {h.inFinal ? '' : ` · ${t('files.notInFinal')}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
