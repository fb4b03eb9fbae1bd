import { type QueryKey, useQuery } from '@tanstack/react-query';
import type { Statement } from '../../api/charging.ts';
import type { ListPage } from '../../api/lists.ts';
import { previousMonth } from './charging-format.ts';

/** Enough pages for a year of a large fleet; the chart shows twelve months at most. */
const MAX_PAGES = 10;
const CHART_MONTHS = 12;

/**
 * The statements a monthly chart draws: pages of the list (newest month first) until twelve
 * months are covered, the list ends, or MAX_PAGES were read.
 */
export function useChartStatements(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<ListPage<Statement>>,
  enabled = true,
) {
  return useQuery({
    queryKey,
    enabled,
    queryFn: async () => {
      const items: Statement[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await fetchPage(cursor);
        items.push(...answer.items);
        const newest = items[0]?.month;
        const oldest = items[items.length - 1]?.month;
        if (!answer.nextCursor || !newest || !oldest) break;
        let cutoff = newest;
        for (let step = 0; step < CHART_MONTHS; step++) cutoff = previousMonth(cutoff);
        if (oldest <= cutoff) break;
        cursor = answer.nextCursor;
      }
      return items;
    },
  });
}
