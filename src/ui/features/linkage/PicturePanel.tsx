/**
 * The laid-out picture from the worker (Graphviz dot): what a file loads or what loads it, lddtree-style,
 * or the whole image grouped by package. On screen it is the very SVG the exports write, in the page's theme, with
 * keyboard moves (Tab in, arrows between neighbours, Enter to focus, Escape to step back) and a nested list
 * as its text alternative. Exports: SVG and PNG (light by default), DOT, Mermaid and Markdown to copy.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EdgeMode, FocusDirection, PictureColorBy, PictureWords } from '../../../protocol/linkage';
import type { ImageRef } from '../../queries/use-files';
import { useLinkPicture } from '../../queries/use-linkage';
import { downloadBlob } from '../download';
import { copyText, svgToPng } from './picture-files';
import { ExportTheme, type PictureTheme } from './ExportTheme';
import { neighbour, type Move } from './picture-navigation';
import { PictureOutline } from './PictureOutline';
import { OverviewLists } from './OverviewLists';
import { ErrorMessage } from '../../i18n/ErrorMessage';
import { useTheme } from '../../theme/theme';

const MOVES: Record<string, Move> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

export function PicturePanel({
  image,
  layer,
  focus,
  direction,
  colorBy,
  isObject,
  onFocus,
  onBack,
}: {
  image: ImageRef;
  layer: number | null;
  focus: string | null;
  direction: FocusDirection;
  colorBy: PictureColorBy;
  /** Whether a key names an object (a path) rather than one of the overview's groups. */
  isObject: (key: string) => boolean;
  onFocus: (key: string) => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const pageTheme = useTheme();
  const [edgeMode, setEdgeMode] = useState<EdgeMode>('tree');
  const [unfold, setUnfold] = useState<readonly string[]>([]);
  const [theme, setTheme] = useState<PictureTheme>('light');
  const [copied, setCopied] = useState<{ what: string; text: string; note: string } | null>(null);
  // The keyboard's position, kept for the focus it was moved in; a new focus starts on its root.
  const [moved, setMoved] = useState<{ focus: string | null; key: string } | null>(null);
  // Exported pictures speak the page's language: the catalogue's words for their title, legend and footer.
  const words = i18n.getResource(i18n.language, 'translation', 'picture') as PictureWords | undefined;
  const query = useLinkPicture(image, {
    layer,
    focus,
    direction,
    edgeMode,
    unfold,
    colorBy,
    ...(words ? { words } : {}),
  });
  const box = useRef<HTMLDivElement | null>(null);
  const picture = query.data?.picture ?? null;
  const files = query.data?.exports ?? null;
  const current =
    moved !== null && moved.focus === focus && picture?.nodes.some((n) => n.key === moved.key)
      ? moved.key
      : focus;
  const setCurrent = (key: string | null) => setMoved(key === null ? null : { focus, key });
  useEffect(() => {
    const root = box.current;
    if (!root) return;
    for (const el of root.querySelectorAll('.is-current')) el.classList.remove('is-current');
    if (current !== null)
      root.querySelector(`[data-key="${CSS.escape(current)}"]`)?.classList.add('is-current');
  }, [current, files]);
  // A wide tree opens scrolled to its root, not to its left edge.
  useEffect(() => {
    const root = box.current;
    const node = picture?.nodes.find((n) => n.root);
    if (!root || !node) return;
    const svg = root.querySelector('svg');
    const offset = svg ? (Number(svg.getAttribute('width')) - picture!.width) / 2 : 0;
    root.scrollLeft = Math.max(0, node.x + offset - root.clientWidth / 2);
  }, [picture]);
  const currentNode = useMemo(
    () => picture?.nodes.find((n) => n.key === current) ?? null,
    [picture, current],
  );
  if (query.isPending)
    return (
      <p className="muted" role="status">
        {t('linkage.pictureLayingOut')}
      </p>
    );
  if (query.error) return <ErrorMessage error={query.error} />;
  if (picture === null || files === null)
    return (
      <p className="error-text">
        {focus === null ? t('linkage.notElfHere') : t('linkage.notElfNamed', { path: focus })}
      </p>
    );
  const overview = picture.graph.direction === 'overview';
  const folded = picture.nodes.filter((n) => n.folded && !overview);
  // On the overview a group opens into its objects (and an opened one closes); an object is focused.
  const choose = (key: string) => {
    if (!overview || isObject(key)) onFocus(key);
    else setUnfold(unfold.includes(key) ? unfold.filter((k) => k !== key) : [...unfold, key]);
  };
  const noClipboard = t('linkage.noClipboard');
  // What each copy button puts on the clipboard, and what it says when the clipboard is out of reach.
  const copies: [string, string, string][] = [
    [
      'Mermaid',
      files.mermaid.ok ? '```mermaid\n' + files.mermaid.text + '```\n' : files.mermaid.text,
      files.mermaid.ok ? noClipboard : files.mermaid.reason,
    ],
    ['Markdown', files.markdown, noClipboard],
  ];
  const copy = async (what: string, text: string, note: string) => {
    const ok = await copyText(text);
    setCopied({ what, text, note: ok ? t('linkage.copiedAs', { what }) : note });
  };
  return (
    <div className="picture">
      <div className="toolbar__row picture__toolbar">
        {picture.graph.direction !== 'overview' && (
          <div className="segmented" role="group" aria-label={t('linkage.edges')}>
            <button type="button" aria-pressed={edgeMode === 'tree'} onClick={() => setEdgeMode('tree')}>
              {t('linkage.edgesTree')}
            </button>
            <button type="button" aria-pressed={edgeMode === 'all'} onClick={() => setEdgeMode('all')}>
              {t('linkage.edgesAll')}
            </button>
          </div>
        )}
        {folded.map((n) => (
          <button
            key={n.key}
            type="button"
            className="button button--secondary"
            onClick={() => setUnfold([...unfold, n.key])}
          >
            {t('linkage.unfold', { name: n.label })}
          </button>
        ))}
        {overview &&
          unfold.map((key) => (
            <button
              key={key}
              type="button"
              className="button button--secondary"
              onClick={() => setUnfold(unfold.filter((k) => k !== key))}
            >
              {t('linkage.collapse', { name: key })}
            </button>
          ))}
        {unfold.length > 0 && (
          <button type="button" className="button button--secondary" onClick={() => setUnfold([])}>
            {overview ? t('linkage.collapseAll') : t('linkage.foldAgain')}
          </button>
        )}
        <span className="toolbar__spacer" />
        <ExportTheme theme={theme} onChange={setTheme} />
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            downloadBlob(new Blob([files.svg[theme]], { type: 'image/svg+xml' }), `${files.fileBase}.svg`)
          }
        >
          {t('linkage.svg')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void svgToPng(files.svg[theme]).then((b) => downloadBlob(b, `${files.fileBase}.png`))
          }
        >
          {t('linkage.png')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            downloadBlob(new Blob([files.dot], { type: 'text/vnd.graphviz' }), `${files.fileBase}.dot`)
          }
        >
          {t('linkage.dot')}
        </button>
        {copies.map(([what, text, note]) => (
          <button
            key={what}
            type="button"
            className="button button--secondary"
            onClick={() => void copy(what, text, note)}
          >
            {t('linkage.copyAs', { what })}
          </button>
        ))}
      </div>
      {!files.mermaid.ok && <p className="muted">{files.mermaid.reason}</p>}
      <div className={overview ? 'overview' : undefined}>
        <div
          ref={box}
          className="picture__svg"
          data-testid="linkage-picture"
          tabIndex={0}
          role="group"
          aria-label={t(overview ? 'linkage.pictureKeysOverview' : 'linkage.pictureKeys', {
            title: files.title,
          })}
          onClick={(e) => {
            const target = e.target as Element;
            const key = target.closest('[data-key]')?.getAttribute('data-key');
            // A click on an opened group's frame or header (not on one of its objects) closes the group.
            const group = target.closest('[data-group]')?.getAttribute('data-group');
            if (key) choose(key);
            else if (group) setUnfold(unfold.filter((k) => k !== group));
          }}
          onKeyDown={(e) => {
            const move = MOVES[e.key];
            if (move && current !== null) {
              e.preventDefault();
              setCurrent(neighbour(picture, current, move));
            } else if (move) {
              e.preventDefault();
              setCurrent(picture.nodes[0]?.key ?? null);
            } else if (
              (e.key === 'Enter' || (overview && e.key === ' ')) &&
              current !== null &&
              current !== focus
            ) {
              e.preventDefault();
              choose(current);
            } else if (e.key === 'Escape') {
              onBack();
            }
          }}
          // The worker's SVG: the export's bytes (the overview's without its lists, drawn beside as links).
          dangerouslySetInnerHTML={{
            __html: overview ? query.data.screenSvg[pageTheme] : files.svg[pageTheme],
          }}
        />
        {overview && <OverviewLists lists={query.data.side} onFocus={onFocus} />}
      </div>
      <p className="muted picture__status" aria-live="polite">
        {currentNode
          ? `${currentNode.label}${currentNode.label !== currentNode.key ? ` — ${currentNode.key}` : ''}${currentNode.note ? ` (${currentNode.note})` : ''}`
          : ''}
        {t(currentNode ? 'linkage.laidOut' : 'linkage.laidOutAlone', { ms: query.data.layoutMs })}
      </p>
      {copied && (
        <div className="picture__copied">
          <p className="muted">{copied.note}</p>
          <textarea
            readOnly
            aria-label={t('linkage.copiedText', { what: copied.what })}
            value={copied.text}
            rows={8}
          />
        </div>
      )}
      <PictureOutline picture={picture} />
    </div>
  );
}
