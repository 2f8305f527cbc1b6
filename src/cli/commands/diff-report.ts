/**
 * `strata diff` output: the JSON of the issue contract (layers bottom to top, paths sorted, the
 * whole image's waste figures) and its human text (per layer the engine's change lines, then dive's
 * figures next to the corrected one).
 */
import { JsonWriter } from '../json-stream';
import { PAUSE_EVERY } from './export-rows';
import {
  displayCreatedBy,
  formatChangeTable,
  formatSize,
  shortDigest,
  type ChangeDetail,
  type ChangedPath,
  type ChangeKind,
  type ChangeTable,
  type DiveFigures,
  type ImageRecord,
  type LayerStack,
  type TrueWaste,
  layerCreatedBy,
} from '../../core';
import { table } from '../table';

/** Version of the JSON below; bumped when a field changes meaning or goes away. */
export const DIFF_JSON_VERSION = 1;
const LARGEST = 10;

export interface DiffLayerJson {
  readonly index: number;
  readonly diffId: string | null;
  readonly createdBy: string;
  readonly added: string[];
  readonly modified: string[];
  readonly removed: string[];
  readonly addedBytes: number;
  readonly modifiedBytes: number;
  readonly removedBytes: number;
  /** Per modified path, what differs (content, type, mode, owner, linkTarget, xattrs, mtime). */
  readonly modifiedDetails: Record<string, readonly ChangeDetail[]>;
  /** dive's layer size: the sum of the layer's tar header sizes. */
  readonly diveSize: number;
  /** Bytes this layer wrote that the final image no longer shows. */
  readonly wastedWritten: number;
  /** Bytes of this or earlier layers that this layer hid. */
  readonly wastedHidden: number;
}

export interface DiffJson {
  readonly version: number;
  readonly image: string;
  readonly layers: DiffLayerJson[];
  readonly efficiency: number;
  readonly wastedBytes: number;
  /** dive divides by the bytes above layer 0; null when there are none (dive would print NaN). */
  readonly userWastedPercent: number | null;
  readonly trueWastedBytes: number;
  readonly sizeBytes: number;
  readonly userSizeBytes: number;
  readonly inefficientFiles: { path: string; count: number; cumulativeSize: number }[];
  readonly largestWastedFiles: TrueWaste['largest'];
}

export interface DiffFigures {
  readonly dive: DiveFigures;
  readonly waste: TrueWaste;
}

export function diffFigures(stack: LayerStack): DiffFigures {
  return { dive: stack.diveFigures(), waste: stack.trueWaste(LARGEST) };
}

/**
 * One layer's object, exactly as JSON.stringify(…, null, 2) spells DiffLayerJson nested in the
 * "layers" array, with its path lists and details written as the change table is visited: a base
 * layer's millions of paths are never an array.
 */
async function writeLayerJson(
  json: JsonWriter,
  image: ImageRecord,
  changes: ChangeTable,
  layer: number,
  figures: DiffFigures,
  pause: () => Promise<void>,
): Promise<void> {
  const indent = '      ';
  const field = (key: string, value: unknown): void => {
    json.text(`,\n${indent}${JSON.stringify(key)}: `);
    json.value(value, indent);
  };
  const list = async (key: string, kind: ChangeKind, item: (change: ChangedPath) => void): Promise<void> => {
    json.text(`,\n${indent}${JSON.stringify(key)}: `);
    if (changes.counts[kind] === 0) {
      json.text(key === 'modifiedDetails' ? '{}' : '[]');
      return;
    }
    json.text(key === 'modifiedDetails' ? '{' : '[');
    let written = 0;
    for (const change of changes.changes(kind)) {
      json.text(`${written === 0 ? '' : ','}\n${indent}  `);
      item(change);
      if (++written % PAUSE_EVERY === 0) {
        json.flush();
        await pause();
      }
    }
    json.text(`\n${indent}${key === 'modifiedDetails' ? '}' : ']'}`);
  };
  const path = (change: ChangedPath): void => {
    json.text(JSON.stringify(change.path));
  };
  json.text(`{\n${indent}"index": ${layer}`);
  field('diffId', image.layers[layer]?.diffId ?? null);
  field('createdBy', layerCreatedBy(image, layer));
  await list('added', 'added', path);
  await list('modified', 'modified', path);
  await list('removed', 'removed', path);
  field('addedBytes', changes.bytes.added);
  field('modifiedBytes', changes.bytes.modified);
  field('removedBytes', changes.bytes.removed);
  await list('modifiedDetails', 'modified', (change) => {
    json.text(`${JSON.stringify(change.path)}: `);
    json.value(change.details, `${indent}  `);
  });
  field('diveSize', figures.dive.layerSizes[layer] ?? 0);
  field('wastedWritten', figures.waste.wastedWrittenBy[layer] ?? 0);
  field('wastedHidden', figures.waste.wastedHiddenBy[layer] ?? 0);
  json.text(`\n    }`);
}

/**
 * Writes the JSON one layer at a time: a base layer's path list can be large, and the output is never held as
 * one string (docs/conventions.md#streaming-never-slurping). The text is what JSON.stringify(…, null, 2)
 * gives.
 */
export async function writeDiffJson(
  image: ImageRecord,
  stack: LayerStack,
  layers: readonly number[],
  figures: DiffFigures,
  write: (text: string) => void,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const { dive, waste } = figures;
  const rest: Omit<DiffJson, 'version' | 'image' | 'layers'> = {
    efficiency: dive.efficiency,
    wastedBytes: dive.wastedBytes,
    userWastedPercent: Number.isFinite(dive.userWastedPercent) ? dive.userWastedPercent : null,
    trueWastedBytes: waste.trueWastedBytes,
    sizeBytes: dive.sizeBytes,
    userSizeBytes: dive.userSizeBytes,
    inefficientFiles: dive.inefficiencies.map((i) => ({ ...i })),
    largestWastedFiles: waste.largest,
  };
  write(`{\n  "version": ${DIFF_JSON_VERSION},\n  "image": ${JSON.stringify(image.id)},\n  "layers": [`);
  const json = new JsonWriter(write);
  for (const [i, n] of layers.entries()) {
    json.text(`${i === 0 ? '' : ','}\n    `);
    await writeLayerJson(json, image, stack.changeTable(n), n, figures, pause);
  }
  json.flush();
  write(`${layers.length === 0 ? '' : '\n  '}],\n${JSON.stringify(rest, null, 2).slice(2)}\n`);
}

function layerHeader(image: ImageRecord, layer: number): string {
  const diffId = image.layers[layer]?.diffId;
  const createdBy = displayCreatedBy(layerCreatedBy(image, layer)).trim();
  return `Layer ${layer}  ${diffId ? shortDigest(diffId) : '(no diff_id)'}  ${createdBy || '(no history)'}`;
}

function percent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(2)} %` : 'n/a (no bytes above layer 0)';
}

function stepName(image: ImageRecord, layer: number): string {
  const createdBy = displayCreatedBy(layerCreatedBy(image, layer)).trim();
  return createdBy.length > 72 ? `${createdBy.slice(0, 71)}…` : createdBy || '(no history)';
}

function wasteText(image: ImageRecord, figures: DiffFigures): string {
  const { dive, waste } = figures;
  let text = '\nWaste (dive, image-wide)\n';
  text += `  efficiency         ${percent(dive.efficiency)}\n`;
  text += `  wastedBytes        ${dive.wastedBytes} B (${formatSize(dive.wastedBytes)}; counts the kept copy too)\n`;
  text += `  userWastedPercent  ${percent(dive.userWastedPercent)} of ${dive.userSizeBytes} B above layer 0\n`;
  const listed = dive.inefficiencies.slice(0, LARGEST);
  if (listed.length > 0) {
    text += '  Inefficient files (dive)\n';
    text += indent(
      table(
        ['COUNT', 'WASTED', 'PATH'],
        listed.map((i) => [String(i.count), formatSize(i.cumulativeSize), i.path]),
      ),
    );
    if (dive.inefficiencies.length > listed.length)
      text += `    … ${dive.inefficiencies.length - listed.length} more\n`;
  }
  text += '\nWaste (corrected: bytes written and hidden in the final image, each copy once)\n';
  text += `  trueWastedBytes    ${waste.trueWastedBytes} B (${formatSize(waste.trueWastedBytes)})\n`;
  const steps = waste.wastedWrittenBy
    .map((wrote, layer) => ({ layer, wrote, hid: waste.wastedHiddenBy[layer] ?? 0 }))
    .filter((s) => s.wrote > 0 || s.hid > 0);
  if (steps.length > 0) {
    text += '  Per step\n';
    text += indent(
      table(
        ['LAYER', 'WROTE (HIDDEN)', 'HID', 'CREATED BY'],
        steps.map((s) => [`L${s.layer}`, formatSize(s.wrote), formatSize(s.hid), stepName(image, s.layer)]),
      ),
    );
  }
  if (waste.largest.length > 0) {
    text += '  Largest hidden files\n';
    text += indent(
      table(
        ['SIZE', 'PATH', 'WRITTEN BY', 'HIDDEN BY'],
        waste.largest.map((f) => [
          formatSize(f.size),
          f.path,
          `L${f.writtenBy}`,
          `L${f.hiddenBy} (${f.how})`,
        ]),
      ),
    );
  }
  return text;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `    ${line}`))
    .join('\n');
}

/** The text report; `pause` is awaited every few thousand lines (stdout's backpressure). */
export async function writeDiffText(
  image: ImageRecord,
  stack: LayerStack,
  layers: readonly number[],
  figures: DiffFigures,
  write: (text: string) => void,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  for (const [i, layer] of layers.entries()) {
    write(`${i === 0 ? '' : '\n'}${layerHeader(image, layer)}\n`);
    // A layer's lines go out a few thousand at a time, made from its change table as they are written.
    let lines: string[] = [];
    for (const line of formatChangeTable(stack.changeTable(layer), `L${layer}`)) {
      lines.push(line);
      if (lines.length === PAUSE_EVERY) {
        write(lines.join('\n') + '\n');
        lines = [];
        await pause();
      }
    }
    if (lines.length > 0) write(lines.join('\n') + '\n');
  }
  write(wasteText(image, figures));
}
