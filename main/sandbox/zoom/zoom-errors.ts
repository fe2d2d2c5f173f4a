import { json } from '../http/sim-http-server';
import type { JsonReply } from '../http/sim-http-server';

/** Zoom's error codes the simulator uses (body `code`, not the HTTP status). */
export const ZoomErrorCode = {
  /** Validation failure: bad field, bad batch size, bad query parameter. */
  invalidField: 300,
  /** Missing, unknown or expired access token. */
  invalidToken: 124,
  /** Something already exists (email, extension or number). Zoom uses 1005 for "already exists". */
  alreadyExists: 1005,
  /** The accountId of a path is neither `me` nor a sub account of the caller's master account. */
  accountNotFound: 2001,
} as const;

/** Zoom's rate-limit label of a route, sent back as `X-RateLimit-Category`. */
export type ZoomRateCategory = 'Light' | 'Medium' | 'Heavy';

/** A Zoom error reply: body `{code, message}`. */
export function zoomError(
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): JsonReply {
  return json(status, { code, message }, headers);
}

/** 401 for a missing or unknown bearer token, as Zoom words it. */
export function invalidTokenReply(message = 'Invalid access token.'): JsonReply {
  return zoomError(401, ZoomErrorCode.invalidToken, message);
}

const PER_SECOND_MESSAGE =
  'You have reached the maximum per-second rate limit for this API. Try again later.';
const DAILY_MESSAGE =
  'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.';

/**
 * 429 for the per-second (QPS) limit. `retryAfter` is seconds or a date; omitted, no
 * `Retry-After` header is sent (BAD-INPUTS case 24: clients must then back off on their own).
 */
export function perSecondLimitReply(
  category: ZoomRateCategory,
  retryAfter?: number | Date,
): JsonReply {
  const headers: Record<string, string> = {
    'X-RateLimit-Category': category,
    'X-RateLimit-Type': 'QPS',
  };
  if (retryAfter !== undefined) {
    headers['Retry-After'] = formatRetryAfter(retryAfter);
  }
  return zoomError(429, 429, PER_SECOND_MESSAGE, headers);
}

/** The start of the next UTC day, when Zoom resets daily quotas. */
export function nextMidnightUtc(now: number): Date {
  const date = new Date(now);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1));
}

/** 429 for the daily quota: Zoom's message, `X-RateLimit-Type: Daily-limit`, `Retry-After` as an HTTP date. */
export function dailyLimitReply(category: ZoomRateCategory, now: number): JsonReply {
  return zoomError(429, 429, DAILY_MESSAGE, {
    'X-RateLimit-Category': category,
    'X-RateLimit-Type': 'Daily-limit',
    'X-RateLimit-Remaining': '0',
    'Retry-After': nextMidnightUtc(now).toUTCString(),
  });
}

/** `Retry-After` text: whole seconds (at least 1) for a number, IMF-fixdate for a date. */
export function formatRetryAfter(value: number | Date): string {
  return value instanceof Date ? value.toUTCString() : String(Math.max(1, Math.ceil(value)));
}
