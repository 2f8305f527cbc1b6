/**
 * The linkage change as a Mermaid flowchart for the Markdown: the added and removed edges with their ends,
 * added objects and edges green, removed ones red, the rest grey (the page's diff graph uses the same colours).
 */
import { CHANGE_STROKES } from '../linkage/picture/colors';
import { writeMermaid, type MermaidEdge, type MermaidNode, type MermaidResult } from '../linkage/mermaid';
import type { LinkageCompare } from './compare-types';

export const DIFF_COLOURS = CHANGE_STROKES;

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1) || path;

export function linkageMermaid(linkage: LinkageCompare, title: string): MermaidResult {
  const added = new Set(linkage.objectsAdded);
  const removed = new Set(linkage.objectsRemoved);
  const paths = new Set<string>();
  for (const e of [...linkage.edgesAdded, ...linkage.edgesRemoved]) paths.add(e.from).add(e.to);
  const names = new Map<string, number>();
  for (const p of paths) names.set(baseName(p), (names.get(baseName(p)) ?? 0) + 1);
  const nodes: MermaidNode[] = [...paths].sort().map((path) => ({
    key: path,
    // A base name is enough unless two files share it (lib/ and usr/lib/ copies).
    label: names.get(baseName(path))! > 1 ? path : baseName(path),
    className: added.has(path) ? 'added' : removed.has(path) ? 'removed' : 'unchanged',
  }));
  const edges: MermaidEdge[] = [
    ...linkage.edgesAdded.map((e) => ({ ...e, className: 'added' })),
    ...linkage.edgesRemoved.map((e) => ({ ...e, className: 'removed', dashed: true })),
  ];
  return writeMermaid({
    title,
    direction: 'LR',
    nodes,
    edges,
    classes: {
      added: `fill:#dcfce7,stroke:${DIFF_COLOURS.added},color:#14532d`,
      removed: `fill:#fee2e2,stroke:${DIFF_COLOURS.removed},color:#7f1d1d`,
      unchanged: `fill:#f3f4f6,stroke:${DIFF_COLOURS.unchanged},color:#111827`,
    },
    edgeStyles: { added: `stroke:${DIFF_COLOURS.added}`, removed: `stroke:${DIFF_COLOURS.removed}` },
  });
}
