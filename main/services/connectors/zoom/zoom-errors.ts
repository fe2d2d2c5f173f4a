import { parseRetryAfter } from '../../push/retry-after';
import { vendorMessage, type HttpOutcome } from '../../http/http-call';
import type { SendOutcome } from '../../push/push-adapter';

/**
 * Maps one Zoom answer that is not a success to what the push engine should do.
 *
 * Zoom answers `{code, message}`; a 429 carries Retry-After and X-RateLimit-Type, which is
 * "Daily-limit" when the day's quota is gone (retrying before the reset only burns calls).
 */
export function classifyZoomFailure(
  outcome: HttpOutcome,
  identities: string[],
  now: number,
): SendOutcome {
  if (outcome.kind === 'not-sent') {
    return { kind: 'transient', message: `Zoom is unreachable: ${outcome.reason}` };
  }
  if (outcome.kind === 'lost') {
    return { kind: 'lost', message: outcome.reason };
  }
  const message = vendorMessage(outcome);
  const status = outcome.status;
  if (status === 429) {
    const daily =
      /daily/i.test(outcome.headers.get('x-ratelimit-type') ?? '') || /daily/i.test(message);
    return {
      kind: 'rate-limited',
      retryAfterMs: parseRetryAfter(outcome.headers.get('retry-after'), now),
      daily,
      message,
    };
  }
  if (status === 401) {
    return { kind: 'auth', message: `${message} (HTTP 401)` };
  }
  if (status >= 500 || status === 408) {
    return { kind: 'transient', message: `Zoom answered HTTP ${status}: ${message}` };
  }
  const lower = message.toLowerCase();
  const blame = identities.filter(
    (identity) => identity.length > 0 && lower.includes(identity.toLowerCase()),
  );
  return { kind: 'rejected', status, message: `Zoom refused (HTTP ${status}): ${message}`, blame };
}
