/**
 * The Waste view's data: dive's figures computed exactly as dive does, beside the bytes hidden in the
 * final image, charged to the step that wrote them and the step that hid them.
 */
import type { ImageRecord } from '../image/model';
import type { WastedFile } from '../layers';
import type { ArchiveSession } from '../session/archive-session';
import { layerCreatedBy } from '../session/history-view';

/** How many of the largest hidden files and of dive's inefficiencies the view lists. */
const LISTED = 50;

export interface WasteSummary {
  readonly efficiency: number;
  readonly sizeBytes: number;
  readonly userSizeBytes: number;
  readonly wastedBytes: number;
  readonly userWastedPercent: number;
  readonly trueWastedBytes: number;
  readonly wastedWrittenBy: readonly number[];
  readonly wastedHiddenBy: readonly number[];
  readonly largest: readonly WastedFile[];
  readonly inefficiencies: readonly { path: string; count: number; cumulativeSize: number }[];
  readonly createdBy: readonly string[];
}

export function buildWasteView(session: ArchiveSession, image: ImageRecord): WasteSummary {
  const stack = session.layerStack(image);
  const dive = stack.diveFigures();
  const trueWaste = stack.trueWaste(LISTED);
  return {
    efficiency: dive.efficiency,
    sizeBytes: dive.sizeBytes,
    userSizeBytes: dive.userSizeBytes,
    wastedBytes: dive.wastedBytes,
    userWastedPercent: dive.userWastedPercent,
    trueWastedBytes: trueWaste.trueWastedBytes,
    wastedWrittenBy: trueWaste.wastedWrittenBy,
    wastedHiddenBy: trueWaste.wastedHiddenBy,
    largest: trueWaste.largest,
    inefficiencies: dive.inefficiencies.slice(0, LISTED),
    createdBy: image.layers.map((l) => layerCreatedBy(image, l.index)),
  };
}
