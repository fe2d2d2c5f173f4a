/** How a token bucket is sized: steady refill rate and the burst it may absorb at once. */
export interface RateLimitConfig {
  perSecond: number;
  /** Bucket capacity; defaults to `perSecond` (one second's worth of requests). */
  burst?: number;
}

/** The verdict for one request: allowed, or refused with the wait until a token is free. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Token buckets keyed by account (for our simulators: by bearer token).
 *
 * Vendors limit per account, not per connection, so a client that opens several sockets
 * still shares one budget, which is what the push queue must learn to live with.
 */
export class KeyedTokenBucket {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(config: RateLimitConfig) {
    if (!(config.perSecond > 0)) {
      throw new RangeError(`rate limit must be positive, got ${config.perSecond}`);
    }
    this.capacity = Math.max(1, config.burst ?? config.perSecond);
    this.perMs = config.perSecond / 1000;
  }

  /** Takes one token for `key` at time `now` (ms), or says how long until one is free. */
  take(key: string, now: number): RateDecision {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: now };
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(this.capacity, bucket.tokens + elapsed * this.perMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: (1 - bucket.tokens) / this.perMs };
  }
}

/**
 * Converts a wait to a `Retry-After` value in whole seconds, never below 1.
 *
 * Rounding up matters: a client that waits exactly the stated seconds must then succeed.
 */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
