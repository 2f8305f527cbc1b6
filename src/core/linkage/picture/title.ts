/** The words every export shares: title, subtitle, footer and a file name that says what the file shows. */
import { basename } from './source';
import type { PictureMeta } from './picture-types';

/** "what /usr/bin/curl loads", "what loads libssl.so.3", or the whole image's. */
export function pictureTitle(meta: PictureMeta): string {
  if (meta.against !== undefined) return `${imageText(meta.against)} → ${imageText(meta)}`;
  if (meta.focus === null || meta.direction === 'overview')
    return `every ELF object of ${meta.imageName ?? shortId(meta.imageId)}, by ${meta.colorBy === 'package' ? 'package' : 'package or directory'}`;
  return meta.direction === 'loads' ? `what ${meta.focus} loads` : `what loads ${meta.focus}`;
}

/** An image as a change's title names it: its name and short ID, or the short ID alone. */
function imageText(image: { readonly imageName: string | null; readonly imageId: string }): string {
  const id = shortId(image.imageId);
  return image.imageName === null ? id : `${image.imageName} (${id})`;
}

export function shortId(imageId: string): string {
  return imageId.replace(/^sha256:/, '').slice(0, 12);
}

export function layerText(meta: Pick<PictureMeta, 'layer' | 'topLayer'>): string {
  return meta.layer === meta.topLayer
    ? `at L${meta.layer}, the top`
    : `at L${meta.layer} of L0–L${meta.topLayer}`;
}

/** The image, its short ID, the layer, and how the edges were chosen. */
export function pictureSubtitle(meta: PictureMeta): string {
  if (meta.against !== undefined)
    return 'the loads added and removed, with their ends, at the top layer of each image';
  const how =
    meta.direction === 'overview'
      ? 'groups of objects and the loads between them'
      : meta.edgeMode === 'all'
        ? 'every NEEDED edge'
        : meta.direction === 'loads'
          ? 'each object under the first object that needs it'
          : 'each loader once, above the first object it loads';
  return `${meta.imageName ?? 'unnamed image'} · ${shortId(meta.imageId)} · ${layerText(meta)} · ${how}`;
}

export function pictureFooter(meta: PictureMeta): string {
  return `strata ${meta.version} · ${meta.date} · resolved as the image's own loader would (emulated, nothing ran)`;
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');

/** e.g. `strata-sample_1-curl-loads.svg`, `app_1-libssl.so.3-loaded-by.png`, `app_1-linkage.svg`. */
export function pictureFileName(meta: PictureMeta, extension: string): string {
  const nameOf = (image: { readonly imageName: string | null; readonly imageId: string }) =>
    image.imageName === null ? shortId(image.imageId) : slug(basename(image.imageName));
  const name = nameOf(meta);
  if (meta.against !== undefined) return `${nameOf(meta.against)}-to-${name}-linkage-change.${extension}`;
  const what =
    meta.focus === null || meta.direction === 'overview'
      ? 'linkage'
      : `${slug(basename(meta.focus))}-${meta.direction === 'loads' ? 'loads' : 'loaded-by'}`;
  return `${name}-${what}.${extension}`;
}
