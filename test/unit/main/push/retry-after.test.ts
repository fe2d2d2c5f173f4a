import { describe, expect, it } from 'vitest';
import { fullJitterBackoff, parseRetryAfter } from '../../../../main/services/push/retry-after';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 24, 12, 0, 0);

  it('reads delta-seconds as milliseconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
  });

  it('treats a date in the past as "now" and garbage or absence as unknown', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('fullJitterBackoff', () => {
  it('stays within [0, base·2^attempt] and under the cap', () => {
    expect(fullJitterBackoff(0, () => 0.999, 500, 20_000)).toBeLessThan(500);
    expect(fullJitterBackoff(3, () => 0.999, 500, 20_000)).toBeLessThan(4000);
    expect(fullJitterBackoff(3, () => 0.999, 500, 20_000)).toBeGreaterThan(3900);
    expect(fullJitterBackoff(20, () => 0.999, 500, 20_000)).toBeLessThan(20_000);
    expect(fullJitterBackoff(5, () => 0, 500, 20_000)).toBe(0);
  });
});
