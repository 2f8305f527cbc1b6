/**
 * An image config's Env entries or labels past the first ones its view holds (a config may hold tens of
 * thousands), fetched from the worker a page at a time until `wanted` are loaded: each answer is small to
 * clone and the list it adds to is drawn virtually, so no main-thread task grows with the config.
 */
import { useEffect } from 'react';
import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { getClient } from '../../client';
import type { ConfigListName, ConfigListPage } from '../../protocol/messages';
import { queryKeys } from './keys';
import type { ImageRef } from './use-files';

/** Entries per request. */
export const CONFIG_PAGE_SIZE = 500;

export function useConfigList(
  image: ImageRef,
  list: ConfigListName,
  /** How many the view already holds: the first page starts there. */
  from: number,
  wanted: number,
) {
  const query = useInfiniteQuery<
    ConfigListPage,
    Error,
    InfiniteData<ConfigListPage, number>,
    ReturnType<typeof queryKeys.configList>,
    number
  >({
    queryKey: queryKeys.configList(image.archiveId, image.imageKey, list),
    enabled: wanted > from,
    staleTime: Infinity,
    retry: false,
    // Each page only adds entries; comparing 20,000 of them after every page would be wasted work.
    structuralSharing: false,
    initialPageParam: from,
    getNextPageParam: (last) => {
      const next = last.offset + last.items.length;
      return last.items.length > 0 && next < last.total ? next : undefined;
    },
    queryFn: ({ pageParam, signal }) =>
      getClient().request(
        { type: 'config-list', ...image, list, offset: pageParam, limit: CONFIG_PAGE_SIZE },
        { signal },
      ),
  });
  const { data, hasNextPage, isFetching, isError, fetchNextPage } = query;
  const pages = data?.pages ?? [];
  const loaded = from + pages.reduce((n, page) => n + page.items.length, 0);
  useEffect(() => {
    if (data && loaded < wanted && hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [data, loaded, wanted, hasNextPage, isFetching, isError, fetchNextPage]);
  // After a failed page, asking again fetches it again (the first one too: with no pages it starts there).
  const retry = (): void => void fetchNextPage();
  return { pages, loaded, fetching: isFetching, error: query.error, retry };
}
