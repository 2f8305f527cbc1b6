/**
 * The layer Files opens on until one is picked: the one that wrote the most bytes. The top layer is
 * often a one-line CMD or a config tweak with next to nothing to show.
 */
import type { HistoryStep } from '../../../protocol/messages';

export function biggestLayer(history: readonly HistoryStep[]): number | null {
  let best: HistoryStep | null = null;
  for (const step of history)
    if (step.layerIndex !== null && (step.size ?? 0) > (best?.size ?? 0)) best = step;
  return best?.layerIndex ?? null;
}
