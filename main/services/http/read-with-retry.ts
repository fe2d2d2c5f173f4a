import { fullJitterBackoff, parseRetryAfter } from '../push/retry-after';
import { systemClock, type Clock } from '../push/rate-limiter';
import { authorizedCall } from './authorized-call';
import type { FetchLike, HttpOutcome, HttpRequest } from './http-call';
import type { TokenSource } from './token-source';

/**
 * A read (GET) that rides out what a busy API does: 429 waits for Retry-After, 5xx and lost
 * answers back off with full jitter. Reads are idempotent, so sending one again is always
 * safe; after `attempts` the last outcome is returned for the caller to report.
 *
 * `pace` runs before every attempt so retries spend the run's rate limit like any request.
 */
export async function readWithRetry(
  auth: TokenSource,
  request: Omit<HttpRequest, 'token'>,
  options: {
    fetch?: FetchLike;
    pace?: () => Promise<void>;
    attempts?: number;
    maxWaitMs?: number;
    clock?: Clock;
  } = {},
): Promise<HttpOutcome> {
  const clock = options.clock ?? systemClock;
  const attempts = options.attempts ?? 5;
  let outcome: HttpOutcome = { kind: 'not-sent', reason: 'not tried' };
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await options.pace?.();
    outcome = await authorizedCall(auth, request, options.fetch);
    const retryable =
      outcome.kind !== 'response' ||
      outcome.status === 429 ||
      outcome.status >= 500 ||
      outcome.status === 408;
    if (!retryable || attempt + 1 === attempts) {
      return outcome;
    }
    const stated =
      outcome.kind === 'response'
        ? parseRetryAfter(outcome.headers.get('retry-after'), clock.now())
        : undefined;
    // A wait of hours (a daily quota) is not a hiccup to ride out: report it instead.
    if (stated !== undefined && stated > (options.maxWaitMs ?? 60_000)) {
      return outcome;
    }
    await clock.sleep(stated ?? fullJitterBackoff(attempt), request.signal);
  }
  return outcome;
}
