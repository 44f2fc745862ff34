import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../api/page';

/** A cursor-paged list read a page at a time ("Load more"), with every item loaded so far. */
export function useCursorPages<T>(queryKey: QueryKey, fetchPage: (cursor: string | null) => Promise<Page<T>>, options: { refetchInterval?: number; enabled?: boolean } = {}) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    ...options,
  });
  return { query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}
