/**
 * The one place the graph touches the DOM through d3 (docs/conventions.md#d3-computes-react-draws): d3-zoom
 * pans and zooms the canvas, d3-drag moves a node, a click selects the node under the pointer. Drawing is
 * batched to one paint per animation frame, and the shapes are built once per state (or per dragged node),
 * not per frame, so panning and zooming a few thousand nodes stays smooth.
 */
import { useCallback, useEffect, useRef } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { drag } from 'd3-drag';
import { buildScene, drawScene, radius, type Scene, type SceneInput } from './draw';

export interface CanvasApi {
  readonly canvasRef: React.RefObject<HTMLCanvasElement | null>;
  /** Fit the shown nodes into the canvas. */
  fit(): void;
  /** Center on one node. */
  center(index: number): void;
  transform(): ZoomTransform;
}

export function useGraphCanvas(state: SceneInput, onPick: (index: number | null) => void): CanvasApi {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const transformRef = useRef<ZoomTransform>(zoomIdentity);
  const zoomRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const stateRef = useRef(state);
  const frame = useRef(0);
  const moved = useRef(new Map<number, { x: number; y: number }>());
  const scene = useRef<Scene | null>(null);

  const paint = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      const dpr = window.devicePixelRatio || 1;
      const { clientWidth: w, clientHeight: h } = canvas;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      if (scene.current === null) {
        const s = stateRef.current;
        const positions = new Map(s.shown.positions);
        for (const [i, p] of moved.current) if (positions.has(i)) positions.set(i, p);
        scene.current = buildScene({ ...s, shown: { ...s.shown, positions } });
      }
      drawScene(ctx, w, h, scene.current, transformRef.current, dpr);
    });
  }, []);

  const hit = useCallback((clientX: number, clientY: number): number | null => {
    const canvas = canvasRef.current;
    if (!canvas) return null;
    const rect = canvas.getBoundingClientRect();
    const [x, y] = transformRef.current.invert([clientX - rect.left, clientY - rect.top]);
    const s = stateRef.current;
    let best: number | null = null;
    let bestDistance = Infinity;
    for (const i of s.shown.nodes) {
      const p = moved.current.get(i) ?? s.shown.positions.get(i);
      if (!p) continue;
      const d = Math.hypot(p.x - x, p.y - y);
      const r = radius(s.data.nodes[i]!) + 4 / transformRef.current.k;
      if (d <= r && d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  }, []);

  useEffect(() => {
    // A new graph or a new focus: node positions come from the layout again.
    if (stateRef.current.shown !== state.shown) moved.current = new Map();
    stateRef.current = state;
    scene.current = null;
    paint();
  }, [state, paint]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const selection = select(canvas);
    const zoomer = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.05, 8])
      .on('zoom', (event: { transform: ZoomTransform }) => {
        transformRef.current = event.transform;
        paint();
      });
    zoomRef.current = zoomer;
    const dragger = drag<HTMLCanvasElement, unknown, { index: number; x: number; y: number } | undefined>()
      .subject((event: { sourceEvent: MouseEvent }) => {
        const index = hit(event.sourceEvent.clientX, event.sourceEvent.clientY);
        if (index === null) return undefined;
        const p = moved.current.get(index) ?? stateRef.current.shown.positions.get(index)!;
        return { index, x: p.x, y: p.y };
      })
      .on('drag', (event: { subject: { index: number }; dx: number; dy: number }) => {
        const { index } = event.subject;
        const p = moved.current.get(index) ?? stateRef.current.shown.positions.get(index)!;
        const k = transformRef.current.k;
        moved.current.set(index, { x: p.x + event.dx / k, y: p.y + event.dy / k });
        scene.current = null;
        paint();
      });
    selection.call(dragger).call(zoomer).on('dblclick.zoom', null);
    const onClick = (event: MouseEvent) => onPick(hit(event.clientX, event.clientY));
    canvas.addEventListener('click', onClick);
    const observer = new ResizeObserver(paint);
    observer.observe(canvas);
    return () => {
      selection.on('.zoom', null).on('.drag', null);
      canvas.removeEventListener('click', onClick);
      observer.disconnect();
    };
  }, [hit, paint, onPick]);

  const fit = useCallback(() => {
    const canvas = canvasRef.current;
    const zoomer = zoomRef.current;
    if (!canvas || !zoomer) return;
    const s = stateRef.current;
    const points = s.shown.nodes.map((i) => s.shown.positions.get(i)!).filter(Boolean);
    if (points.length === 0) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [
      Math.min(...xs) - 90,
      Math.max(...xs) + 90,
      Math.min(...ys) - 40,
      Math.max(...ys) + 60,
    ];
    const k = Math.min(
      4,
      0.95 * Math.min(canvas.clientWidth / (maxX - minX || 1), canvas.clientHeight / (maxY - minY || 1)),
    );
    const t = zoomIdentity
      .translate(
        canvas.clientWidth / 2 - (k * (minX + maxX)) / 2,
        canvas.clientHeight / 2 - (k * (minY + maxY)) / 2,
      )
      .scale(k);
    select(canvas).call(zoomer.transform, t);
  }, []);

  const center = useCallback((index: number) => {
    const canvas = canvasRef.current;
    const zoomer = zoomRef.current;
    const p = stateRef.current.shown.positions.get(index);
    if (!canvas || !zoomer || !p) return;
    const k = Math.max(transformRef.current.k, 1.8);
    select(canvas).call(
      zoomer.transform,
      zoomIdentity.translate(canvas.clientWidth / 2 - k * p.x, canvas.clientHeight / 2 - k * p.y).scale(k),
    );
  }, []);

  return { canvasRef, fit, center, transform: () => transformRef.current };
}
