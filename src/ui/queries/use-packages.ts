/** Installed packages of the shown image, their files, and the owner of a path. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getClient } from '../../client';
import { queryKeys } from './keys';
import type { ImageRef } from './use-files';

const forever = { staleTime: Infinity, gcTime: 10 * 60_000, retry: false } as const;

export function usePackages(image: ImageRef) {
  return useQuery({
    ...forever,
    queryKey: queryKeys.packages(image.archiveId, image.imageKey),
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'packages', archiveId: image.archiveId, imageKey: image.imageKey },
        { signal },
      ),
  });
}

export function usePackageFiles(image: ImageRef, pkg: { name: string; arch: string } | null) {
  return useQuery({
    ...forever,
    enabled: pkg !== null,
    queryKey: queryKeys.packageFiles(image.archiveId, image.imageKey, pkg?.name ?? '', pkg?.arch ?? ''),
    queryFn: ({ signal }) =>
      getClient().request(
        {
          type: 'package-files',
          archiveId: image.archiveId,
          imageKey: image.imageKey,
          name: pkg!.name,
          arch: pkg!.arch,
        },
        { signal },
      ),
  });
}

export function useOwner(image: ImageRef, path: string | null) {
  return useQuery({
    ...forever,
    enabled: path !== null,
    queryKey: queryKeys.owner(image.archiveId, image.imageKey, path ?? ''),
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'owner', archiveId: image.archiveId, imageKey: image.imageKey, path: path! },
        { signal },
      ),
  });
}

export function usePackageLayers(image: ImageRef) {
  return useQuery({
    ...forever,
    queryKey: queryKeys.packageLayers(image.archiveId, image.imageKey),
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'package-layers', archiveId: image.archiveId, imageKey: image.imageKey },
        { signal },
      ),
  });
}

/** Licence names per package, asked for once the list is shown (dpkg's come from copyright files). */
export function usePackageLicenses(image: ImageRef, enabled: boolean) {
  return useQuery({
    ...forever,
    enabled,
    queryKey: queryKeys.packageLicenses(image.archiveId, image.imageKey),
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'package-licenses', archiveId: image.archiveId, imageKey: image.imageKey },
        { signal },
      ),
  });
}

/** The CycloneDX 1.5 SBOM of the image's packages, as JSON text. */
export function fetchSbom(image: ImageRef): Promise<string> {
  return getClient().request({ type: 'sbom', archiveId: image.archiveId, imageKey: image.imageKey });
}

/** Owners of the files a tree shows, in one request per set of visible paths. */
export function useOwners(image: ImageRef, paths: readonly string[]) {
  const key = paths.join('\n');
  return useQuery({
    ...forever,
    enabled: paths.length > 0,
    placeholderData: keepPreviousData,
    queryKey: queryKeys.owners(image.archiveId, image.imageKey, key),
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'owners', archiveId: image.archiveId, imageKey: image.imageKey, paths },
        { signal },
      ),
  });
}
