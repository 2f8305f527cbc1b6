/**
 * The picture's colours, one place for the SVG, the page and DOT: node fills by layer or package (light fills
 * that keep dark text readable in both themes), and what each theme paints around them.
 */
import type { ChangeState, ColorBy, PictureKind, Theme } from './picture-types';
import { word, type PictureWords } from './words';

/** Light fills that stay readable with dark text (ColorBrewer Pastel1 and Set3), one per layer, cycling. */
// prettier-ignore
export const LAYER_FILLS = [
  '#fbb4ae', '#b3cde3', '#ccebc5', '#decbe4', '#fed9a6', '#ffffcc', '#e5d8bd', '#fddaec',
  '#8dd3c7', '#bebada', '#80b1d3', '#fdb462', '#b3de69', '#d9d9d9', '#bc80bd', '#ffed6f',
];

/** Packages beyond this many (the largest first) share one grey, so the legend stays a legend. */
const MAX_PACKAGE_COLOURS = 12;
const OTHER_FILL = '#e5e7eb';
export const MISSING_FILL = '#fee2e2';
export const MISSING_STROKE = '#dc2626';

/** A linkage change's lines and box outlines (the Markdown's Mermaid block uses the same): readable on both themes. */
export const CHANGE_STROKES: Readonly<Record<ChangeState, string>> = {
  added: '#15803d',
  removed: '#b91c1c',
  unchanged: '#6b7280',
};
/** A linkage change's box fills: light, so the dark label text stays readable. */
export const CHANGE_FILLS: Readonly<Record<ChangeState, string>> = {
  added: '#dcfce7',
  removed: '#fee2e2',
  unchanged: '#f3f4f6',
};

export interface Palette {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly edge: string;
  readonly extraEdge: string;
  readonly nodeStroke: string;
  readonly nodeText: string;
  readonly interpreterRing: string;
}

export const PALETTES: Readonly<Record<Theme, Palette>> = {
  light: {
    background: '#ffffff',
    text: '#111827',
    muted: '#4b5563',
    edge: '#4b5563',
    extraEdge: '#9ca3af',
    nodeStroke: '#374151',
    nodeText: '#111827',
    interpreterRing: '#b45309',
  },
  dark: {
    background: '#0b1020',
    text: '#e5e7eb',
    muted: '#9ca3af',
    edge: '#94a3b8',
    extraEdge: '#64748b',
    nodeStroke: '#0f172a',
    nodeText: '#111827',
    interpreterRing: '#fbbf24',
  },
};

export interface ColourKey {
  readonly fill: string;
  readonly label: string;
}

export interface Colouring {
  fillOf(node: {
    readonly kind: PictureKind;
    readonly layer: number | null;
    readonly pkg: string | null;
  }): string;
  /** One entry per fill used, in legend order. */
  readonly keys: readonly ColourKey[];
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A light fill for a package name: hue from its hash, as hex (every renderer reads hex). */
function packageFill(name: string): string {
  const hue = hash(name) % 360;
  const [s, l] = [0.7, 0.84];
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    const c = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** The fills of these nodes and the legend keys for them. */
export function colouring(
  nodes: readonly {
    readonly kind: PictureKind;
    readonly layer: number | null;
    readonly pkg: string | null;
  }[],
  colorBy: ColorBy,
  topLayer: number,
  words?: PictureWords,
): Colouring {
  const real = nodes.filter((n) => n.kind !== 'missing');
  if (colorBy === 'layer') {
    const layers = [...new Set(real.map((n) => n.layer))].sort((a, b) => (a ?? -1) - (b ?? -1));
    const fillOf = (n: { kind: PictureKind; layer: number | null }) =>
      n.kind === 'missing'
        ? MISSING_FILL
        : n.layer === null
          ? OTHER_FILL
          : LAYER_FILLS[n.layer % LAYER_FILLS.length]!;
    return {
      fillOf,
      keys: layers.map((layer) => ({
        fill: layer === null ? OTHER_FILL : LAYER_FILLS[layer % LAYER_FILLS.length]!,
        label:
          layer === null
            ? word(words, 'layerUnknown')
            : layer === topLayer
              ? word(words, 'layerTop', { layer })
              : `L${layer}`,
      })),
    };
  }
  const counts = new Map<string | null, number>();
  for (const n of real) counts.set(n.pkg, (counts.get(n.pkg) ?? 0) + 1);
  const named = [...counts].filter(([pkg]) => pkg !== null) as [string, number][];
  named.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const coloured = new Set(named.slice(0, MAX_PACKAGE_COLOURS).map(([pkg]) => pkg));
  const fillOf = (n: { kind: PictureKind; pkg: string | null }) =>
    n.kind === 'missing'
      ? MISSING_FILL
      : n.pkg !== null && coloured.has(n.pkg)
        ? packageFill(n.pkg)
        : OTHER_FILL;
  const keys: ColourKey[] = [...coloured].sort().map((pkg) => ({ fill: packageFill(pkg), label: pkg }));
  const others = named.length - coloured.size;
  if (others > 0) keys.push({ fill: OTHER_FILL, label: word(words, 'otherPackages', { count: others }) });
  if (counts.has(null)) keys.push({ fill: OTHER_FILL, label: word(words, 'noPackage') });
  return { fillOf, keys };
}
