/** The current view as a picture a reviewer can paste: PNG from the same canvas drawing, SVG as markup. */
import { draw, basename, nodeColor, radius, MISSING, type DrawState } from './draw';

export function exportPng(state: DrawState, width: number, height: number, scale = 2): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('This browser cannot draw the picture.'));
  draw(ctx, width, height, state, scale);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be made.'))), 'image/png'),
  );
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function exportSvg(state: DrawState, width: number, height: number): string {
  const { data, shown, transform: t } = state;
  const pos = shown.positions;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
  );
  parts.push(`<rect width="100%" height="100%" fill="#0b1020"/>`);
  parts.push(`<g transform="translate(${t.x} ${t.y}) scale(${t.k})">`);
  parts.push(
    `<g stroke="#94a3b8" stroke-opacity="${shown.depth.size > 0 ? 0.55 : 0.16}" stroke-width="${1 / t.k}">`,
  );
  for (const ei of shown.edges) {
    const e = data.edges[ei]!;
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    if (a && b) parts.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}"/>`);
  }
  parts.push('</g>');
  for (const i of shown.nodes) {
    const n = data.nodes[i]!;
    const p = pos.get(i)!;
    const r = radius(n);
    const fill = nodeColor(n, state.colorBy);
    const stroke =
      i === state.selected
        ? ' stroke="#f8fafc" stroke-width="3"'
        : n.versionFailures > 0
          ? ` stroke="${MISSING}" stroke-width="2"`
          : '';
    const title = `<title>${escapeXml(n.path)}</title>`;
    parts.push(
      n.kind === 'exe'
        ? `<rect x="${p.x - r}" y="${p.y - r}" width="${2 * r}" height="${2 * r}" fill="${fill}"${stroke}>${title}</rect>`
        : `<circle cx="${p.x}" cy="${p.y}" r="${r}" fill="${fill}"${stroke}>${title}</circle>`,
    );
    if (state.labels || t.k > 1.6) {
      parts.push(
        `<text x="${p.x}" y="${p.y + r + 12}" text-anchor="middle" font-size="12" fill="${n.kind === 'missing' ? MISSING : '#e2e8f0'}">${escapeXml(basename(n.path))}</text>`,
      );
    }
  }
  parts.push('</g></svg>');
  return parts.join('\n');
}
