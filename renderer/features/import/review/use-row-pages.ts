import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../../shared/result';
import {
  emptyCache,
  itemAt as cachedItemAt,
  missingPages,
  nextCache,
  PAGE_SIZE,
  pagesFor,
  withPage,
  type PageCache,
} from './page-cache';

/** Fetches `limit` items from `offset` of a list main holds. */
export type PageLoader<T> = (offset: number, limit: number) => Promise<Result<readonly T[]>>;

/** A list main holds, as much of it as has been fetched. */
export interface PagedList<T> {
  total: number;
  /** The item at `index`, or undefined while its page loads. */
  itemAt: (index: number) => T | undefined;
  /** Tells the list which items are in view (`first`…`last`); it fetches what is missing. */
  onRangeChange: (first: number, last: number) => void;
  /** Why a page could not be fetched, if one could not. */
  error: string | undefined;
}

/**
 * A list of `total` items fetched from main a page at a time, as they come into view (plus
 * overscan), with the last {@link MAX_PAGES} pages kept. A new `token` (another validation,
 * another filter) drops every page and request of the old one: `load` must change with it.
 * With a `reuseKey`, the old pages are shown until the new ones arrive when the key is the
 * same (the same filter after an edit), so rows do not blink; they are never fetched again.
 */
export function usePagedList<T>(
  token: unknown,
  total: number,
  load: PageLoader<T>,
  reuseKey?: unknown,
): PagedList<T> {
  const [cache, setCache] = useState<PageCache<T>>(() => emptyCache(token, reuseKey));
  const [failure, setFailure] = useState<{ token: unknown; message: string }>();
  // Pages asked for under the current token (a failed one stays, so it is not retried in a
  // loop); read and written only in callbacks.
  const asked = useRef<{ token: unknown; pages: Set<number> }>({ token, pages: new Set() });
  const latest = useRef(token);
  useEffect(() => {
    latest.current = token;
  }, [token]);

  const current = cache.token === token ? cache : nextCache(cache, token, reuseKey);
  const onRangeChange = useCallback(
    (first: number, last: number) => {
      if (asked.current.token !== token) {
        asked.current = { token, pages: new Set() };
      }
      const pending = asked.current.pages;
      const wanted = pagesFor(first, last, total);
      for (const page of missingPages(current, wanted, pending)) {
        pending.add(page);
        void load(page * PAGE_SIZE, PAGE_SIZE).then((result) => {
          if (latest.current !== token) {
            return;
          }
          if (!result.ok) {
            setFailure({ token, message: result.error.message });
            return;
          }
          pending.delete(page);
          setCache((previous) =>
            withPage(
              previous.token === token ? previous : nextCache(previous, token, reuseKey),
              page,
              result.value,
              wanted,
            ),
          );
        });
      }
    },
    [token, total, load, current, reuseKey],
  );

  return {
    total,
    itemAt: (index) => cachedItemAt(current, index),
    onRangeChange,
    error: failure && failure.token === token ? failure.message : undefined,
  };
}

/**
 * What a DataGrid of sheet rows fetched a page at a time needs from the list: its
 * count and items, the range it shows, and each item keyed (and marked `data-row`) by its
 * source row number, as every such grid (review, plan, run rows) does.
 */
export function pagedRowProps<T extends { row: number }>(list: PagedList<T>) {
  return {
    count: list.total,
    itemAt: list.itemAt,
    onRangeChange: list.onRangeChange,
    rowKey: (item: T) => item.row,
    rowData: (item: T) => String(item.row),
  };
}
