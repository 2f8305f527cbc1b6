/**
 * The linkage change as one SVG document: drawn in the page and saved as SVG or PNG from the same text, with
 * the title "old → new" and a legend (added green, removed red and dashed, unchanged grey). The layout comes
 * from the worker; this only scales it into the frame.
 */
import type { CompareReport } from '../../../protocol/compare';

export const DIFF_SVG_WIDTH = 960;
export const DIFF_SVG_HEIGHT = 600;
const MARGIN = 60;
const TOP = 48;
const BOTTOM = 40;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1) || path;

export function diffSvg(graph: CompareReport['graph'], title: string): string {
  const colours = graph.colours;
  const w = DIFF_SVG_WIDTH;
  const h = DIFF_SVG_HEIGHT;
  const xs = graph.nodes.map((n) => n.x);
  const ys = graph.nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(
    (w - 2 * MARGIN) / Math.max(1, maxX - minX),
    (h - TOP - BOTTOM - 2 * MARGIN) / Math.max(1, maxY - minY),
    3,
  );
  const px = (x: number) => w / 2 + (x - (minX + maxX) / 2) * scale;
  const py = (y: number) => TOP + (h - TOP - BOTTOM) / 2 + (y - (minY + maxY) / 2) * scale;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif" role="img" aria-label="${escapeXml(title)}">`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    '<defs>',
    ...Object.entries(colours).map(
      ([status, colour]) =>
        `<marker id="arrow-${status}" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z" fill="${colour}"/></marker>`,
    ),
    '</defs>',
    `<text x="${w / 2}" y="28" text-anchor="middle" font-size="18" font-weight="600" fill="#111827">${escapeXml(title)}</text>`,
  ];
  // Unchanged edges first, so the change is drawn on top.
  const order = { unchanged: 0, removed: 1, added: 2 } as const;
  for (const e of [...graph.edges].sort((a, b) => order[a.status] - order[b.status])) {
    const a = graph.nodes[e.source]!;
    const b = graph.nodes[e.target]!;
    const dash = e.status === 'removed' ? ' stroke-dasharray="6 4"' : '';
    out.push(
      `<line class="edge edge--${e.status}" x1="${px(a.x)}" y1="${py(a.y)}" x2="${px(b.x)}" y2="${py(b.y)}" stroke="${colours[e.status]}" stroke-width="${e.status === 'unchanged' ? 1 : 2}"${dash} marker-end="url(#arrow-${e.status})"/>`,
    );
  }
  for (const n of graph.nodes) {
    const colour = colours[n.status];
    const x = px(n.x);
    const y = py(n.y);
    const tip = `<title>${escapeXml(`${n.path} (${n.status})`)}</title>`;
    out.push(
      n.kind === 'exe'
        ? `<rect class="node node--${n.status}" x="${x - 7}" y="${y - 7}" width="14" height="14" fill="${colour}">${tip}</rect>`
        : `<circle class="node node--${n.status}" cx="${x}" cy="${y}" r="7" fill="${colour}">${tip}</circle>`,
      `<text x="${x}" y="${y + 20}" text-anchor="middle" font-size="11" fill="#111827">${escapeXml(baseName(n.path))}</text>`,
    );
  }
  const legend = [
    ['added', 'added'],
    ['removed', 'removed (dashed)'],
    ['unchanged', 'unchanged'],
  ] as const;
  legend.forEach(([status, label], i) => {
    const x = 16 + i * 150;
    out.push(
      `<rect x="${x}" y="${h - 26}" width="12" height="12" fill="${colours[status]}"/>`,
      `<text x="${x + 18}" y="${h - 16}" font-size="12" fill="#111827">${label}</text>`,
    );
  });
  out.push(
    `<text x="${w - 16}" y="${h - 16}" text-anchor="end" font-size="12" fill="#6b7280">■ executable ● library</text>`,
    '</svg>',
  );
  return out.join('\n');
}

/** The same picture as PNG, drawn by the browser from the SVG text. */
export function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  return new Promise<Blob>((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = DIFF_SVG_WIDTH * scale;
      canvas.height = DIFF_SVG_HEIGHT * scale;
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        reject(new Error('This browser cannot draw the picture.'));
        return;
      }
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('The picture could not be made.'))),
        'image/png',
      );
    };
    img.onerror = () => reject(new Error('The picture could not be made.'));
    img.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}
