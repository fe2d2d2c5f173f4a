/** Rows (or problems) fetched from main in one request. */
export const PAGE_SIZE = 200;
/** Pages kept at most; the least recently loaded go first, never one in view. */
export const MAX_PAGES = 50;
/** Items loaded beyond each end of the range in view, so a short scroll finds them ready. */
export const OVERSCAN_ITEMS = 100;

/**
 * Pages of one list (all rows, the problem rows, the problems), by page number. `token`
 * names the list they came from: pages of an older validation or another filter never mix
 * with the current ones. Map order is load order, oldest first.
 */
export interface PageCache<T> {
  readonly token: unknown;
  readonly pages: ReadonlyMap<number, readonly T[]>;
  /**
   * Pages of the lists before this one with the same `reuseKey`, shown while this list's own
   * pages load: after an edit the grid keeps its rows (and the focused cell) in place
   * instead of blinking through placeholders.
   */
  readonly reuseKey?: unknown;
  readonly stale?: ReadonlyMap<number, readonly T[]>;
}

/** No pages yet for the list named `token`. */
export function emptyCache<T>(token: unknown, reuseKey?: unknown): PageCache<T> {
  return { token, pages: new Map(), reuseKey };
}

/**
 * The cache for a new list `token`: empty, but keeping the old pages as stale ones when
 * both lists have the same defined `reuseKey` (the same rows, re-validated).
 */
export function nextCache<T>(
  previous: PageCache<T>,
  token: unknown,
  reuseKey?: unknown,
): PageCache<T> {
  if (reuseKey === undefined || previous.reuseKey !== reuseKey) {
    return emptyCache(token, reuseKey);
  }
  // Older stale pages under newer ones: two quick edits leave the first list's pages unloaded.
  const stale = new Map([...(previous.stale ?? []), ...previous.pages]);
  return { token, pages: new Map(), reuseKey, stale };
}

/** The item at `index`, or undefined while its page is not loaded. */
export function itemAt<T>(cache: PageCache<T>, index: number, pageSize = PAGE_SIZE): T | undefined {
  const page = Math.floor(index / pageSize);
  return (cache.pages.get(page) ?? cache.stale?.get(page))?.[index % pageSize];
}

/**
 * The pages holding items `first`…`last` (the range in view) widened by `overscan` on each
 * side, within the list's `total` items; nearest the range first.
 */
export function pagesFor(
  first: number,
  last: number,
  total: number,
  pageSize = PAGE_SIZE,
  overscan = OVERSCAN_ITEMS,
): number[] {
  if (total <= 0 || last < first) {
    return [];
  }
  const from = Math.max(0, first - overscan);
  const to = Math.min(total - 1, last + overscan);
  if (to < from) {
    return [];
  }
  const inView = Math.floor(Math.max(0, Math.min(first, total - 1)) / pageSize);
  const pages: number[] = [];
  for (let page = Math.floor(from / pageSize); page <= Math.floor(to / pageSize); page++) {
    pages.push(page);
  }
  return pages.sort((a, b) => Math.abs(a - inView) - Math.abs(b - inView) || a - b);
}

/** The wanted pages neither loaded nor already asked for. */
export function missingPages<T>(
  cache: PageCache<T>,
  wanted: readonly number[],
  asked: ReadonlySet<number>,
): number[] {
  return wanted.filter((page) => !cache.pages.has(page) && !asked.has(page));
}

/**
 * The cache with one more page, as the most recent; past `maxPages` the oldest pages go,
 * except those in `keep` (the ones in view). A new object: the cache lives in React state.
 */
export function withPage<T>(
  cache: PageCache<T>,
  page: number,
  items: readonly T[],
  keep: readonly number[] = [],
  maxPages = MAX_PAGES,
): PageCache<T> {
  const pages = new Map(cache.pages);
  pages.delete(page);
  pages.set(page, items);
  const kept = new Set([...keep, page]);
  for (const old of cache.pages.keys()) {
    if (pages.size <= maxPages) {
      break;
    }
    if (!kept.has(old)) {
      pages.delete(old);
    }
  }
  return { ...cache, pages };
}
