/**
 * Choosing one image of an archive: by any of its names (full or short), by ID or ID prefix, and by
 * platform. Without a name, an archive of one image (or one multi-platform index) picks itself,
 * with linux/amd64 preselected when present (docs/archive-formats.md#platforms-and-attestations).
 */
import type { ArchiveInfo, ImageRecord, Platform } from '../image/model';
import { imageDisplayNames } from '../image/display-names';
import { EMPTY_REGISTRIES_CONF, lookupLocal } from '../image/resolve';

/** `choose`: the archive is fine but holds several images and none was named (a usage error). */
export type ImagePick =
  { readonly image: ImageRecord } | { readonly error: string; readonly choose?: boolean };

export function platformString(p: Platform): string {
  return [p.os || 'unknown', p.architecture || 'unknown', p.variant].filter(Boolean).join('/');
}

export function pickPlatformDefault(images: readonly ImageRecord[]): ImageRecord | undefined {
  return images.find((i) => i.platform.os === 'linux' && i.platform.architecture === 'amd64') ?? images[0];
}

/** Every spelling a user might type for a name: full, without docker.io/, without library/, without :latest. */
export function nameSpellings(full: string): string[] {
  const out = new Set([full]);
  let short = full.startsWith('docker.io/') ? full.slice('docker.io/'.length) : full;
  out.add(short);
  if (short.startsWith('library/') && short.indexOf('/', 'library/'.length) < 0)
    short = short.slice('library/'.length);
  out.add(short);
  for (const s of [...out]) if (s.endsWith(':latest')) out.add(s.slice(0, -':latest'.length));
  return [...out];
}

function matchesName(image: ImageRecord, query: string): boolean {
  const names = imageDisplayNames(image.rawNames);
  if (image.rawNames.includes(query) || names.bareTags.includes(query)) return true;
  return names.full.some((n) => nameSpellings(n).includes(query));
}

function matchesId(image: ImageRecord, query: string): boolean {
  const hex = query.startsWith('sha256:') ? query.slice(7) : query;
  return /^[0-9a-f]{3,64}$/.test(hex) && image.id.slice(7).startsWith(hex);
}

export function describeImage(image: ImageRecord): string {
  const names = imageDisplayNames(image.rawNames);
  const label = names.full[0] ?? names.bareTags[0] ?? `<untagged ${image.id.slice(7, 19)}>`;
  return `${label} (${platformString(image.platform)})`;
}

export function pickImage(info: ArchiveInfo, query?: string, platform?: string): ImagePick {
  let candidates = [...info.images];
  if (platform) {
    candidates = candidates.filter(
      (i) => platformString(i.platform) === platform || platformString(i.platform).startsWith(platform + '/'),
    );
    if (candidates.length === 0) {
      const have = [...new Set(info.images.map((i) => platformString(i.platform)))].join(', ');
      const missing = info.notIncluded.some((n) => platformString(n.platform) === platform);
      return {
        error: missing
          ? `The platform ${platform} is listed but not included in this archive (it has ${have}).`
          : `No image for ${platform}; the archive has ${have}.`,
      };
    }
  }
  if (query) {
    let hits = candidates.filter((i) => matchesName(i, query) || matchesId(i, query));
    if (hits.length === 0) {
      // Then podman's local lookup rules (docs/archive-formats.md#local-lookup): localhost/ first, a name
      // that ends with the query at a "/" boundary with an equal tag, ":latest" when none is given.
      const available = candidates.flatMap((i) => imageDisplayNames(i.rawNames).full);
      const lookup = lookupLocal(
        query,
        'podman',
        EMPTY_REGISTRIES_CONF,
        available,
        candidates.map((i) => i.id),
      );
      hits = candidates.filter(
        (i) =>
          imageDisplayNames(i.rawNames).full.some((n) => lookup.matches.includes(n)) ||
          lookup.matches.includes(i.id),
      );
      if (hits.length === 0) {
        const joined = lookup.explanation.join('; ');
        const why = joined ? ` ${joined.charAt(0).toUpperCase()}${joined.slice(1)}.` : '';
        return {
          error: `No image named "${query}" in this archive.${why} It holds: ${info.images.map(describeImage).join('; ')}.`,
        };
      }
    }
    candidates = hits;
  }
  if (candidates.length === 0) return { error: 'This archive holds no image that can be shown.' };
  const groups = new Set(candidates.map((i) => [...i.rawNames].sort().join('\n') || i.id));
  if (groups.size > 1) {
    return {
      choose: true,
      error: `This archive holds ${groups.size} images; choose one with --image: ${candidates.map(describeImage).join('; ')}.`,
    };
  }
  return { image: pickPlatformDefault(candidates)! };
}
