import { describe, expect, it } from 'vitest';
import {
  emptyCache,
  itemAt,
  missingPages,
  nextCache,
  pagesFor,
  withPage,
} from '../../../../renderer/features/import/review/page-cache';

describe('the review page cache', () => {
  it('wants the pages covering the range in view plus overscan, nearest first', () => {
    expect(pagesFor(0, 20, 1_000_000, 200, 100)).toEqual([0]);
    expect(pagesFor(390, 420, 1_000_000, 200, 100)).toEqual([1, 2]);
    expect(pagesFor(1000, 1030, 1_000_000, 200, 100)).toEqual([5, 4]);
    expect(pagesFor(0, 20, 1_000_000, 200, 300)).toEqual([0, 1]);
  });

  it('stays within the list', () => {
    expect(pagesFor(0, 20, 0)).toEqual([]);
    expect(pagesFor(990, 1010, 1000, 200, 100)).toEqual([4]);
    expect(pagesFor(5, 3, 1000)).toEqual([]);
  });

  it('reads items by index once their page is there', () => {
    const cache = withPage(emptyCache<string>('t'), 1, ['a', 'b', 'c'], [], 50);
    expect(itemAt(cache, 4, 3)).toBe('b');
    expect(itemAt(cache, 0, 3)).toBeUndefined();
    expect(itemAt(cache, 7, 3)).toBeUndefined();
  });

  it('asks only for pages neither loaded nor asked for', () => {
    const cache = withPage(emptyCache<number>('t'), 2, [1]);
    expect(missingPages(cache, [1, 2, 3, 4], new Set([3]))).toEqual([1, 4]);
  });

  it('keeps the most recent pages, never one in view, and does not change the old cache', () => {
    let cache = emptyCache<number>('t');
    for (let page = 0; page < 5; page++) {
      cache = withPage(cache, page, [page], [], 3);
    }
    expect([...cache.pages.keys()]).toEqual([2, 3, 4]);
    const before = cache;
    cache = withPage(cache, 9, [9], [2], 3);
    expect([...cache.pages.keys()]).toEqual([2, 4, 9]);
    expect([...before.pages.keys()]).toEqual([2, 3, 4]);
    expect(cache.token).toBe('t');
  });

  it('moves a page loaded again to the most recent end', () => {
    let cache = emptyCache<number>('t');
    cache = withPage(cache, 0, [0], [], 2);
    cache = withPage(cache, 1, [1], [], 2);
    cache = withPage(cache, 0, [0], [], 2);
    cache = withPage(cache, 2, [2], [], 2);
    expect([...cache.pages.keys()]).toEqual([0, 2]);
  });

  it('shows the pages of the list before an edit until the new ones load, for the same filter', () => {
    const before = withPage(emptyCache<string>('v1', 'all'), 0, ['a', 'b']);
    const after = nextCache(before, 'v2', 'all');
    expect(after.pages.size).toBe(0);
    expect(itemAt(after, 1, 2)).toBe('b');
    // Loaded pages win; stale ones are still not counted as loaded, so they are fetched.
    const loaded = withPage(after, 0, ['a', 'B']);
    expect(itemAt(loaded, 1, 2)).toBe('B');
    expect(missingPages(after, [0], new Set())).toEqual([0]);
  });

  it('keeps stale pages across two quick edits, and drops them for another filter', () => {
    const first = withPage(emptyCache<string>('v1', 'all'), 0, ['a']);
    const twice = nextCache(nextCache(first, 'v2', 'all'), 'v3', 'all');
    expect(itemAt(twice, 0)).toBe('a');
    expect(itemAt(nextCache(first, 'v2', 'problems'), 0)).toBeUndefined();
    expect(itemAt(nextCache(first, 'v2'), 0)).toBeUndefined();
  });
});
