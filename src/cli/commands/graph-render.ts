/**
 * What `strata graph` needs from Node for pictures: Graphviz's WASM module as the core's DotEngine, PNG from
 * the same SVG text through resvg (at twice the density, with DejaVu Sans as the page names it first), the
 * tool's version and the footer's date (SOURCE_DATE_EPOCH when set, for reproducible files).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { DotEngine } from '../../core';

let engine: Promise<DotEngine> | null = null;

export function dotEngine(): Promise<DotEngine> {
  engine ??= Graphviz.load().then((gv) => ({ layout: (dot: string) => gv.layout(dot, 'json', 'dot') }));
  return engine;
}

const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
  join('/usr/share/fonts/truetype/dejavu', f),
);

export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const fontFiles = FONTS.filter((f) => existsSync(f));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    // Without DejaVu on disk the system's fonts stand in (.ci/run installs fonts-dejavu-core).
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

export function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

export function todayText(): string {
  const epoch = Number(process.env['SOURCE_DATE_EPOCH']);
  const date =
    Number.isFinite(epoch) && process.env['SOURCE_DATE_EPOCH'] ? new Date(epoch * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
