import { randomUUID } from 'node:crypto';
import { FaultQueue } from '../http/fault-queue';
import { json } from '../http/sim-http-server';
import type { JsonReply } from '../http/sim-http-server';

/** The Webex simulator's routes, as fault scripts and the request log name them. */
export type WebexRoute = 'put-workspace-numbers' | 'get-workspace-numbers';

/**
 * A fault the next request to a route meets.
 * - `status`: answer `status` without touching state (429 and 503 may carry `retryAfter` seconds).
 * - `drop-before-apply`: close the connection without an answer; nothing changes.
 * - `drop-after-apply`: apply the request fully, then close without an answer (a lost response).
 */
export type WebexFault =
  | { kind: 'status'; status: number; retryAfter?: number; message?: string }
  | { kind: 'drop-before-apply' }
  | { kind: 'drop-after-apply' };

/** The Webex simulator's fault script. */
export type WebexFaultQueue = FaultQueue<WebexRoute, WebexFault>;

/**
 * A Webex error reply: `{message, errors: [{description}], trackingId}`, the shape every
 * Webex API answers with, and the same trackingId in the `TrackingID` header.
 */
export function webexError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): JsonReply {
  const trackingId = `SIM_${randomUUID()}`;
  return json(
    status,
    { message, errors: [{ description: message }], trackingId },
    { TrackingID: trackingId, ...headers },
  );
}

/** 401 for a missing, unknown or revoked bearer token, in Webex's words. */
export function unauthorizedReply(): JsonReply {
  return webexError(
    401,
    'The request requires a valid access token set in the Authorization request header.',
  );
}

/** 429 with Retry-After in whole seconds (at least 1). */
export function rateLimitedReply(retryAfterSeconds: number): JsonReply {
  return webexError(429, 'Too Many Requests. Retry after the time given in Retry-After.', {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Something went wrong on the server.',
  502: 'Bad Gateway.',
  503: 'Service Unavailable. Try again later.',
  504: 'Gateway Timeout.',
};

/** The reply of a scripted `status` fault. */
export function faultReply(fault: Extract<WebexFault, { kind: 'status' }>): JsonReply {
  if (fault.status === 401) {
    return unauthorizedReply();
  }
  if (fault.status === 429) {
    return rateLimitedReply(fault.retryAfter ?? 1);
  }
  const headers: Record<string, string> =
    fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
  return webexError(
    fault.status,
    fault.message ?? STATUS_TEXT[fault.status] ?? 'Simulated failure.',
    headers,
  );
}

/** A new, empty fault script. */
export function createWebexFaultQueue(): WebexFaultQueue {
  return new FaultQueue<WebexRoute, WebexFault>();
}
