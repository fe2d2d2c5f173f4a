import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../../shared/jobs/run-types';
import {
  formatRate,
  paceOf,
  pausedHeadline,
  pausedProgress,
  timeLeftOf,
} from '../../../../renderer/features/import/run/run-step-model';

const progress: RunProgress = {
  done: 120,
  total: 300,
  requests: 12,
  retries: 1,
  requestsPerSecond: 4.8,
  limit: 10,
  etaSeconds: 95,
};

describe('the push step’s figures', () => {
  it('shows the pace as a share of the connection’s current limit', () => {
    expect(paceOf(progress)).toEqual({
      rate: '4.8/s',
      ofLimit: '· 48% of the 10/s limit',
      share: 0.48,
    });
    // Lowered after a 429: the share is of what is allowed now.
    expect(paceOf({ ...progress, requestsPerSecond: 2.5, limit: 2.5 })).toMatchObject({
      ofLimit: '· at the 2.5/s limit',
      share: 1,
    });
    // The opening burst can read above the limit: that is full speed, not "149%".
    expect(paceOf({ ...progress, requestsPerSecond: 14.9, limit: 10 })).toMatchObject({
      ofLimit: '· at the 10/s limit',
      share: 1,
    });
    expect(formatRate(0.5)).toBe('0.5/s');
  });

  it('waits for main’s first estimate before showing a pace or time left', () => {
    const opening = { ...progress, etaSeconds: undefined, requestsPerSecond: 40 };
    expect(paceOf(opening)).toEqual({ rate: '…', ofLimit: null, share: null });
    expect(timeLeftOf(opening)).toBe('…');
    expect(timeLeftOf(progress)).toBe('about 2 min');
    expect(paceOf({ ...progress, limit: undefined }).ofLimit).toBeNull();
  });

  it('counts a paused run’s rows done as every row with an outcome', () => {
    const counts = { created: 100, updated: 5, skipped: 2, failed: 3, invalid: 10, pending: 180 };
    expect(pausedProgress(counts)).toEqual({ done: 120, total: 300 });
    expect(pausedHeadline(120, 300)).toBe('Paused — 120 of 300 rows done');
  });
});
