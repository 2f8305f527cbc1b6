import type { ImageRecord } from './model';

/** The created-by text of the history step that made a layer ("" when no step says), for the page and the CLI. */
export function layerCreatedBy(image: Pick<ImageRecord, 'history'>, layer: number): string {
  return image.history.find((h) => h.layerIndex === layer)?.createdBy ?? '';
}
