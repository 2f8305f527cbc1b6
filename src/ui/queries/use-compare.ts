/** Two open images compared in the worker (the CLI's JSON, its Markdown, the laid-out linkage change). */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getClient } from '../../client';
import { queryKeys } from './keys';
import type { ImageRef } from './use-files';
import type { PictureWords } from '../../protocol/linkage';

export function useCompare(oldImage: ImageRef | null, newImage: ImageRef | null) {
  // The linkage change's picture speaks the page's language, as the Linkage view's does.
  const { i18n } = useTranslation();
  const words = i18n.getResource(i18n.language, 'translation', 'picture') as PictureWords | undefined;
  return useQuery({
    queryKey: queryKeys.compare(
      oldImage?.archiveId ?? '',
      oldImage?.imageKey ?? '',
      newImage?.archiveId ?? '',
      newImage?.imageKey ?? '',
      i18n.language,
    ),
    enabled: oldImage !== null && newImage !== null,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
    queryFn: ({ signal }) =>
      getClient().request(
        { type: 'compare', old: oldImage!, new: newImage!, ...(words ? { words } : {}) },
        { signal },
      ),
  });
}
