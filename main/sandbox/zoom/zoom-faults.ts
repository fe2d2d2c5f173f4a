import { FaultQueue } from '../http/fault-queue';
import type { JsonReply } from '../http/sim-http-server';
import {
  dailyLimitReply,
  formatRetryAfter,
  invalidTokenReply,
  perSecondLimitReply,
  zoomError,
} from './zoom-errors';
import type { ZoomRateCategory } from './zoom-errors';

/** The Zoom simulator's routes, as fault scripts and the request log name them. */
export type ZoomRoute =
  'batch-add-users' | 'list-users' | 'add-internal-numbers' | 'list-internal-numbers';

/**
 * A fault the next request to a route meets (BAD-INPUTS cases 23-28).
 *
 * - `status`: answer `status` without touching state. 429 gets Zoom's per-second body and
 *   `Retry-After` only if `retryAfter` is given (seconds, or a Date sent as an HTTP date);
 *   401 gets code 124 (`message` can say "Access token is expired."); others `{code, message}`.
 * - `drop-before-apply`: close the connection without an answer; nothing changes.
 * - `drop-after-apply`: handle the request fully (users or numbers are created), then close the
 *   connection without an answer: the response is lost.
 * - `partial-success`: handle normally, but a 201 lists only the first `listed` created items
 *   (all of them were created).
 * - `daily-limit`: Zoom's daily-quota 429, `Retry-After` = next midnight UTC as an HTTP date.
 */
export type ZoomFault =
  | { kind: 'status'; status: number; retryAfter?: number | Date; message?: string }
  | { kind: 'drop-before-apply' }
  | { kind: 'drop-after-apply' }
  | { kind: 'partial-success'; listed: number }
  | { kind: 'daily-limit' };

/** The Zoom simulator's fault script. */
export type ZoomFaultQueue = FaultQueue<ZoomRoute, ZoomFault>;

/** A new, empty fault script. */
export function createZoomFaultQueue(): ZoomFaultQueue {
  return new FaultQueue<ZoomRoute, ZoomFault>();
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service is temporarily unavailable.',
  504: 'Gateway timeout.',
};

/** The reply for a fault that answers without running the route (status and daily-limit). */
export function faultReply(
  fault: Extract<ZoomFault, { kind: 'status' | 'daily-limit' }>,
  category: ZoomRateCategory,
  now: number,
): JsonReply {
  if (fault.kind === 'daily-limit') {
    return dailyLimitReply(category, now);
  }
  if (fault.status === 429) {
    return perSecondLimitReply(category, fault.retryAfter);
  }
  if (fault.status === 401) {
    return invalidTokenReply(fault.message);
  }
  // 503 with Retry-After is how Zoom (and proxies) announce maintenance, so it is allowed here too.
  const headers: Record<string, string> =
    fault.retryAfter === undefined ? {} : { 'Retry-After': formatRetryAfter(fault.retryAfter) };
  const message = fault.message ?? STATUS_TEXT[fault.status] ?? 'Simulated failure.';
  return zoomError(fault.status, fault.status, message, headers);
}
