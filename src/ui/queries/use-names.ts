/** Name resolution and shared base layers; both depend on which archives are open. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getClient } from '../../client';
import { useOpenArchivesKey } from '../state/store';
import { queryKeys } from './keys';
import type { ImageRef } from './use-files';

export function useResolve(name: string, engine: 'docker' | 'podman', registriesConf: string) {
  const open = useOpenArchivesKey();
  return useQuery({
    queryKey: queryKeys.resolve(name, engine, registriesConf, open),
    enabled: name.trim() !== '',
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      getClient().request({ type: 'resolve', name: name.trim(), engine, registriesConf }, { signal }),
  });
}

export function useSharedLayers(image: ImageRef | null) {
  const open = useOpenArchivesKey();
  return useQuery({
    queryKey: queryKeys.sharedLayers(image?.archiveId ?? '', image?.imageKey ?? '', open),
    enabled: image !== null,
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'shared-layers', archiveId: image!.archiveId, imageKey: image!.imageKey },
        { signal },
      ),
  });
}
