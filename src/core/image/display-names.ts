/**
 * The names to show for an image (docs/archive-formats.md#names-strata-shows): every stored name in its full
 * form (registry/repository:tag), deduplicated; `localhost/` kept, because it means "built locally". An OCI
 * ref.name with no "/" and no ":" is a bare tag (skopeo writes what was typed), not a name.
 */
import { dockerFullName } from './reference-normalize';

export interface ImageDisplayNames {
  /** Full normalized names, e.g. "docker.io/library/ubuntu:22.04", "localhost/t:3". */
  readonly full: readonly string[];
  /** Bare OCI ref.name tags that name no repository. */
  readonly bareTags: readonly string[];
}

export function imageDisplayNames(rawNames: readonly string[]): ImageDisplayNames {
  const full = new Set<string>();
  const bareTags = new Set<string>();
  for (const raw of rawNames) {
    if (raw === '' || raw === '<none>:<none>') continue;
    if (!raw.includes('/') && !raw.includes(':')) {
      bareTags.add(raw);
      continue;
    }
    const normalized = dockerFullName(raw);
    if (normalized) full.add(normalized);
    else bareTags.add(raw);
  }
  return { full: [...full], bareTags: [...bareTags] };
}

/** Every name of an image as podman and docker print them, in one list: full names, then bare tags. */
export function displayNameList(rawNames: readonly string[]): string[] {
  const names = imageDisplayNames(rawNames);
  return [...names.full, ...names.bareTags];
}
