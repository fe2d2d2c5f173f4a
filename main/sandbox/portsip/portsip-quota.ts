/** The verdict for one request against the quota. */
export type QuotaDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Window {
  start: number;
  used: number;
}

/**
 * A per-minute request quota per bearer token, in fixed windows.
 *
 * PortSIP admins set an API quota per minute rather than a per-second rate, so a burst may
 * spend the whole minute at once and then waits for the next window; Retry-After says how
 * long. A token bucket (the Zoom simulator's) would hide exactly that cliff.
 */
export class MinuteQuota {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly perMinute: number) {
    if (!Number.isInteger(perMinute) || perMinute < 1) {
      throw new RangeError(`quotaPerMinute must be a positive integer, got ${perMinute}`);
    }
  }

  /** Counts one request for `key` at `now` (ms), or refuses it until the window ends. */
  take(key: string, now: number): QuotaDecision {
    let window = this.windows.get(key);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, used: 0 };
      this.windows.set(key, window);
    }
    if (window.used < this.perMinute) {
      window.used += 1;
      return { allowed: true };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)),
    };
  }
}
