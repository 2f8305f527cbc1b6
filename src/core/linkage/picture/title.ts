/** The words every export shares: title, subtitle, footer and a file name that says what the file shows. */
import { basename } from './source';
import type { PictureMeta } from './picture-types';
import { word } from './words';

/** "what /usr/bin/curl loads", "what loads libssl.so.3", or the whole image's. */
export function pictureTitle(meta: PictureMeta): string {
  if (meta.against !== undefined) return `${imageText(meta.against)} → ${imageText(meta)}`;
  const w = meta.words;
  if (meta.focus === null || meta.direction === 'overview')
    return word(w, 'titleOverview', {
      image: meta.imageName ?? shortId(meta.imageId),
      by: word(w, meta.colorBy === 'package' ? 'byPackage' : 'byPackageOrDirectory'),
    });
  return word(w, meta.direction === 'loads' ? 'titleLoads' : 'titleLoadedBy', { focus: meta.focus });
}

/** An image as a change's title names it: its name and short ID, or the short ID alone. */
function imageText(image: { readonly imageName: string | null; readonly imageId: string }): string {
  const id = shortId(image.imageId);
  return image.imageName === null ? id : `${image.imageName} (${id})`;
}

export function shortId(imageId: string): string {
  return imageId.replace(/^sha256:/, '').slice(0, 12);
}

export function layerText(meta: Pick<PictureMeta, 'layer' | 'topLayer' | 'words'>): string {
  return meta.layer === meta.topLayer
    ? word(meta.words, 'atTop', { layer: meta.layer })
    : word(meta.words, 'atLayer', { layer: meta.layer, top: meta.topLayer });
}

/** The image, its short ID, the layer, and how the edges were chosen. */
export function pictureSubtitle(meta: PictureMeta): string {
  const w = meta.words;
  if (meta.against !== undefined) return word(w, 'subtitleChange');
  const how = word(
    w,
    meta.direction === 'overview'
      ? 'howOverview'
      : meta.edgeMode === 'all'
        ? 'howAll'
        : meta.direction === 'loads'
          ? 'howLoads'
          : 'howLoadedBy',
  );
  return `${meta.imageName ?? word(w, 'unnamedImage')} · ${shortId(meta.imageId)} · ${layerText(meta)} · ${how}`;
}

export function pictureFooter(meta: PictureMeta): string {
  return word(meta.words, 'footer', { version: meta.version, date: meta.date });
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
