/** Paths matching a search across every layer; a click reveals the path and its history. */
import { formatSize } from '../../../protocol/format';
import { useSearch, type ImageRef } from '../../queries/use-files';
import { useStore } from '../../state/store';

export function SearchResults({
  image,
  text,
  mode,
}: {
  image: ImageRef;
  text: string;
  mode: 'substring' | 'glob' | 'regex';
}) {
  const result = useSearch(image, 'all', text, mode);
  const reveal = useStore((s) => s.revealPath);
  const setLayer = useStore((s) => s.setLayer);
  if (result.isPending) return <p className="muted">Searching…</p>;
  if (result.error) return <p className="error-text">{result.error.message}</p>;
  const hits = result.data.hits;
  return (
    <div className="search-results">
      <p className="muted">
        {hits.length === 0
          ? 'No path matches.'
          : `${hits.length.toLocaleString('en')}${result.data.truncated ? '+' : ''} paths in any layer`}
      </p>
      <ul className="plain" aria-label="Search results">
        {hits.map((h) => (
          <li key={h.path}>
            <button
              type="button"
              className={`search-hit${h.inFinal ? '' : ' search-hit--gone'}`}
              onClick={() => {
                setLayer(h.layer);
                reveal(h.path);
              }}
            >
              <code>{h.path}</code>
              <span className="muted">
                {' '}
                L{h.layer} · {h.kind}
                {h.kind === 'file' ? ` · ${formatSize(h.size)}` : ''}
                {h.inFinal ? '' : ' · not in the final image'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
