/**
 * The image's library linkage: the whole image on a canvas (or grouped by package as a picture), or around
 * one file (what it loads, or what loads it) as the layered picture the worker lays out, like lddtree;
 * search with a list of matches; colour by layer or package; exports that stand on their own; a link that
 * reopens this exact view.
 */
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImageRef } from '../../queries/use-files';
import { useLinkGraph, useLinkLayout, useLinkPicture } from '../../queries/use-linkage';
import { useStore } from '../../state/store';
import { showGraph, type GraphMode } from './subgraph';
import { PicturePanel } from './PicturePanel';
import { useGraphCanvas } from './use-graph-canvas';
import { LinkageToolbar } from './LinkageToolbar';
import { LddPanel } from './LddPanel';
import { LinkageLegend } from './LinkageLegend';
import { useFormat } from '../../i18n/use-format';
import { LinkageCancelled, LinkageWait } from './LinkageWait';
import './linkage.css';
import { ErrorMessage } from '../../i18n/ErrorMessage';

export function LinkageView({ image, layerCount }: { image: ImageRef; layerCount: number }) {
  const layer = useStore((s) => s.layer);
  // Cancelled at this layer: nothing resolves until asked again.
  const [cancelledAt, setCancelledAt] = useState<number | null | undefined>(undefined);
  const cancelled = cancelledAt === layer;
  const { t } = useTranslation();
  const { query: graph, progress, cancel } = useLinkGraph(image, layer, !cancelled);
  // The whole image opens on the grouped overview: asked for with the graph, not after it, so the worker
  // loads Graphviz while it resolves and lays the overview out as soon as the graph is there. The ask is the
  // one PicturePanel makes for the same view (the same query).
  const mode = useStore((s) => s.linkageMode);
  const selectedPath = useStore((s) => s.linkageSelected);
  const whole = mode === 'all' || selectedPath === null;
  const colorBy = useStore((s) => s.colorBy);
  useLinkPicture(
    image,
    {
      layer: layer ?? layerCount - 1,
      focus: null,
      direction: mode === 'reverse' ? 'loaded-by' : 'loads',
      edgeMode: 'tree',
      unfold: [],
      colorBy,
    },
    whole && !cancelled,
  );
  if (cancelled) return <LinkageCancelled onAgain={() => setCancelledAt(undefined)} />;
  if (graph.isPending)
    return (
      <LinkageWait
        progress={progress}
        onCancel={() => {
          setCancelledAt(layer);
          void cancel();
        }}
      />
    );
  if (graph.error) return <ErrorMessage error={graph.error} />;
  if (graph.data.nodes.length === 0) return <p className="muted">{t('linkage.noElf')}</p>;
  return <GraphCanvas image={image} data={graph.data} layerCount={layerCount} />;
}

function GraphCanvas({
  image,
  data,
  layerCount,
}: {
  image: ImageRef;
  data: NonNullable<ReturnType<typeof useLinkGraph>['query']['data']>;
  layerCount: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const mode = useStore((s) => s.linkageMode);
  const selectedPath = useStore((s) => s.linkageSelected);
  const colorBy = useStore((s) => s.colorBy);
  const search = useStore((s) => s.linkageSearch);
  const setSelection = useStore((s) => s.setLinkageSelection);
  const byPath = useMemo(() => new Map(data.nodes.map((n, i) => [n.path, i])), [data]);
  const selected = selectedPath === null ? null : (byPath.get(selectedPath) ?? null);
  // The grouped overview is the whole image's default; the force-laid canvas of every object is a switch.
  const [grouped, setGrouped] = useState(true);
  const focused = mode !== 'all' && selected !== null;
  const picture = focused || grouped;
  // Only the force-laid canvas needs the force layout: it is asked for when the canvas is switched on.
  const layout = useLinkLayout(image, data.layer, !picture);
  const shown = useMemo(
    () => showGraph(data, mode, selected, layout.data ?? null),
    [data, mode, selected, layout.data],
  );
  const highlight = useMemo(() => {
    const text = search.trim().toLowerCase();
    if (!text) return new Set<number>();
    return new Set(
      shown.nodes.filter(
        (i) =>
          data.nodes[i]!.path.toLowerCase().includes(text) ||
          (data.nodes[i]!.soname ?? '').toLowerCase().includes(text),
      ),
    );
  }, [search, shown, data]);
  const [labels, setLabels] = useState(true);
  const state = useMemo(
    () => ({
      data,
      shown,
      colorBy,
      selected,
      highlight,
      labels:
        labels && (mode !== 'all' || selected === null ? shown.nodes.length <= 400 && mode !== 'all' : true),
    }),
    [data, shown, colorBy, selected, highlight, labels, mode],
  );
  const onPick = useCallback(
    (index: number | null) => {
      if (index === null) return;
      const node = data.nodes[index]!;
      // An executable opens on what it loads; a library on everything that loads it.
      setSelection(node.path, node.kind === 'exe' ? 'focus' : 'reverse');
    },
    [data, setSelection],
  );
  const canvas = useGraphCanvas(state, onPick);
  const { canvasRef } = canvas;
  // Each new view (the whole image, or a new focus) starts fitted to the canvas.
  useEffect(() => {
    requestAnimationFrame(() => canvas.fit());
  }, [shown, canvas]);
  // Escape steps back through the objects focused before, then to the whole image.
  const history = useRef<{ path: string; mode: GraphMode }[]>([]);
  const focusOn = useCallback(
    (path: string) => {
      const index = byPath.get(path);
      if (index === undefined) return;
      if (selectedPath !== null && mode !== 'all') history.current.push({ path: selectedPath, mode });
      onPick(index);
    },
    [byPath, onPick, selectedPath, mode],
  );
  const back = useCallback(() => {
    const previous = history.current.pop();
    if (previous) setSelection(previous.path, previous.mode);
    else setSelection(selectedPath, 'all');
  }, [setSelection, selectedPath]);
  const missing = data.nodes.filter((n) => n.kind === 'missing').length;
  const node = selected === null ? null : data.nodes[selected]!;
  return (
    <div className="graph">
      <section className="panel graph__main" aria-label={t('linkage.graph')}>
        <LinkageToolbar
          layerCount={layerCount}
          data={data}
          shown={shown}
          canvas={picture ? null : canvas}
          labels={labels}
          onLabels={setLabels}
          grouped={grouped}
          onGrouped={setGrouped}
        />
        <p className="muted graph__summary">
          {!focused
            ? t(missing ? 'linkage.summaryMissing' : 'linkage.summary', {
                objects: format.count(data.nodes.length),
                edges: format.count(data.edges.length),
                missing: format.count(missing),
                resolve: format.count(data.timings.resolve),
                layout: picture
                  ? ''
                  : layout.data
                    ? t('linkage.laidOut', { ms: format.count(layout.data.ms) })
                    : t('linkage.layingOut'),
              })
            : t(mode === 'focus' ? 'linkage.focusSummary' : 'linkage.reverseSummary', {
                path: selectedPath ?? '',
                count: shown.nodes.length - 1,
              })}
        </p>
        {focused && mode === 'reverse' && node?.kind === 'exe' ? (
          <div className="picture__empty" role="status">
            <p>{t('linkage.exeNotLoaded', { path: selectedPath })}</p>
            <button type="button" className="button" onClick={() => setSelection(selectedPath, 'focus')}>
              {t('linkage.showLoads')}
            </button>
          </div>
        ) : (
          picture && (
            <PicturePanel
              image={image}
              layer={data.layer}
              focus={focused ? selectedPath : null}
              direction={mode === 'reverse' ? 'loaded-by' : 'loads'}
              colorBy={colorBy}
              isObject={(key) => byPath.has(key)}
              onFocus={focusOn}
              onBack={back}
            />
          )
        )}
        <canvas
          ref={canvasRef}
          hidden={picture}
          className="graph__canvas"
          data-testid="graph-canvas"
          aria-label={t('linkage.canvas')}
        />
        {!picture && <LinkageLegend data={data} colorBy={colorBy} />}
      </section>
      {selectedPath && (
        <LddPanel
          image={image}
          path={selectedPath}
          layer={data.layer}
          node={selected === null ? null : data.nodes[selected]!}
        />
      )}
    </div>
  );
}
