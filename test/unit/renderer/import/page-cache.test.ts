import { describe, expect, it } from 'vitest';
import {
  emptyCache,
  itemAt,
  missingPages,
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
});
