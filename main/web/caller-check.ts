import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header the renderer sends its per-launch secret in (a custom header also forces CORS preflight). */
export const SECRET_HEADER = 'x-batchline-secret';

/** Why a browser-mode request was refused; logged, never sent back in detail. */
export type RefusalReason = 'missing secret' | 'wrong secret' | 'foreign host' | 'foreign origin';

/** The outcome of checking one request: trusted, or refused with a reason for the log. */
export type CallerVerdict = { trusted: true } | { trusted: false; reason: RefusalReason };

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares two secrets in constant time.
 *
 * Both sides are hashed first so timingSafeEqual always sees equal lengths and the
 * comparison leaks neither content nor length.
 */
export function secretsMatch(expected: string, received: string): boolean {
  return timingSafeEqual(digest(expected), digest(received));
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

/**
 * Decides whether a request comes from our own page.
 *
 * Three independent checks, each closing a different hole:
 * - the secret, which only the tab we opened knows (it travels in the URL fragment);
 * - Host must be exactly `127.0.0.1:<port>`: a DNS-rebinding page reaches us under its own
 *   host name, so this refuses it even before the secret is guessed;
 * - Origin, when the browser sends one, must be ours: a foreign page that somehow holds the
 *   secret still cannot drive us.
 * Repeated headers (an array) count as absent or foreign.
 */
export function checkCaller(
  req: IncomingMessage,
  expected: { secret: string; origin: string },
): CallerVerdict {
  const host = single(req.headers.host);
  if (host !== new URL(expected.origin).host) {
    return { trusted: false, reason: 'foreign host' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== expected.origin) {
    return { trusted: false, reason: 'foreign origin' };
  }
  const secret = single(req.headers[SECRET_HEADER]);
  if (secret === undefined || secret === '') {
    return { trusted: false, reason: 'missing secret' };
  }
  if (!secretsMatch(expected.secret, secret)) {
    return { trusted: false, reason: 'wrong secret' };
  }
  return { trusted: true };
}

/** A short, secret-free description of the caller for logs and the router. */
export function describeCaller(req: IncomingMessage): string {
  return `http ${req.socket.remoteAddress ?? 'unknown'}`;
}
