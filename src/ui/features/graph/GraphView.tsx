/**
 * The image's library linkage as an interactive graph: the whole image on a canvas, or around one
 * file (what it loads, or what loads it) in levels like lddtree; search; colour by layer or package;
 * export as PNG, SVG, DOT or JSON; a link that reopens this exact view.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ImageRef } from '../../queries/use-files';
import { useLinkGraph } from '../../queries/use-linkage';
import { useStore } from '../../state/store';
import { showGraph } from './subgraph';
import { useGraphCanvas } from './use-graph-canvas';
import { GraphToolbar } from './GraphToolbar';
import { LddPanel } from './LddPanel';
import { GraphLegend } from './GraphLegend';
import './linkage.css';

export function GraphView({ image, layerCount }: { image: ImageRef; layerCount: number }) {
  const layer = useStore((s) => s.layer);
  const graph = useLinkGraph(image, layer);
  if (graph.isPending) return <p className="muted">Resolving every ELF file as the image's loader would…</p>;
  if (graph.error) return <p className="error-text">{graph.error.message}</p>;
  if (graph.data.nodes.length === 0)
    return <p className="muted">This image has no dynamically linked ELF files.</p>;
  return <GraphCanvas image={image} data={graph.data} layerCount={layerCount} />;
}

function GraphCanvas({
  image,
  data,
  layerCount,
}: {
  image: ImageRef;
  data: NonNullable<ReturnType<typeof useLinkGraph>['data']>;
  layerCount: number;
}) {
  const mode = useStore((s) => s.linkageMode);
  const selectedPath = useStore((s) => s.linkageSelected);
  const colorBy = useStore((s) => s.colorBy);
  const search = useStore((s) => s.linkageSearch);
  const setSelection = useStore((s) => s.setLinkageSelection);
  const byPath = useMemo(() => new Map(data.nodes.map((n, i) => [n.path, i])), [data]);
  const selected = selectedPath === null ? null : (byPath.get(selectedPath) ?? null);
  const shown = useMemo(() => showGraph(data, mode, selected), [data, mode, selected]);
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
  const missing = data.nodes.filter((n) => n.kind === 'missing').length;
  return (
    <div className="graph">
      <section className="panel graph__main" aria-label="Linkage graph">
        <GraphToolbar
          layerCount={layerCount}
          image={image}
          data={data}
          shown={shown}
          state={state}
          canvas={canvas}
          highlight={highlight}
          labels={labels}
          onLabels={setLabels}
        />
        <p className="muted graph__summary">
          {mode === 'all' || selected === null
            ? `${data.nodes.length.toLocaleString('en')} ELF objects, ${data.edges.length.toLocaleString('en')} load edges${missing ? `, ${missing} names not found` : ''} · resolved in ${data.timings.resolve} ms, laid out in ${data.timings.layout} ms · click an executable to see what it loads, a library to see what loads it`
            : `${mode === 'focus' ? 'What' : 'Everything that loads'} ${selectedPath ?? ''} ${mode === 'focus' ? 'loads, transitively' : ''} — ${shown.nodes.length - 1} objects`}
        </p>
        <canvas
          ref={canvasRef}
          className="graph__canvas"
          data-testid="graph-canvas"
          aria-label="Graph canvas"
        />
        <GraphLegend data={data} colorBy={colorBy} />
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
