/** One page of a list answer: the API's `{ items, nextCursor }` shape (SPEC §11). */
export interface ListPage<T> {
  items: T[];
  /** Pass back as `?cursor=` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * A query string from the values that are set: empty and missing values are left out, so the
 * server sees "no filter" rather than an empty one.
 */
export function queryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value.trim() !== '') search.set(name, value.trim());
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
