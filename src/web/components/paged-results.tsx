import { Alert, Button, Group, Stack } from '@mantine/core';
import {
  type InfiniteData,
  keepPreviousData,
  type QueryKey,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListPage } from '../api/lists.ts';
import { LoadingState } from './loading-state.tsx';
import { NothingYet } from './nothing-yet.tsx';

export type PagedQuery<T> = UseInfiniteQueryResult<InfiniteData<ListPage<T>>, Error>;

/**
 * A list read page by page with the API's cursors. While a new search runs, the previous results
 * stay on screen instead of blinking into a loading state at every pause in typing.
 */
export function usePagedList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<ListPage<T>>,
): PagedQuery<T> {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

interface PagedResultsProps<T> {
  query: PagedQuery<T>;
  /** Whether a search text narrows the list: an empty answer then means "no match". */
  isSearching: boolean;
  emptyTitle: string;
  emptyDescription: string;
  children: (items: T[]) => ReactNode;
}

/** The states of a paged list: loading, failed, empty, no match, or the items and "Show more". */
export function PagedResults<T>({
  query,
  isSearching,
  emptyTitle,
  emptyDescription,
  children,
}: PagedResultsProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />;
  }
  if (query.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="red" title={t('lists.failedTitle')} role="alert" w="100%">
          {t('errors.unexpected')}
        </Alert>
        <Button onClick={() => void query.refetch()}>{t('session.retry')}</Button>
      </Stack>
    );
  }
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return isSearching ? (
      <NothingYet title={t('lists.noMatchesTitle')} description={t('lists.noMatchesDescription')} />
    ) : (
      <NothingYet title={emptyTitle} description={emptyDescription} />
    );
  }
  return (
    <Stack gap="md" aria-busy={query.isFetching && !query.isFetchingNextPage}>
      {children(items)}
      {query.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t('lists.showMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
