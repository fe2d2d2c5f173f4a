import type { WebexWorkspaceNumberPayload } from '../../../../shared/datasets/webex-workspace-numbers';
import { vendorMessage, type HttpOutcome } from '../../http/http-call';
import type { PushItem, SendOutcome } from '../../push/push-adapter';
import { parseRetryAfter } from '../../push/retry-after';

type Response = Extract<HttpOutcome, { kind: 'response' }>;

/**
 * Webex's error text: `message`, with the first `errors[].description` when it says more.
 * Webex bodies are `{message, errors: [{description}], trackingId}`; the trackingId is kept
 * because Webex support asks for it.
 */
export function webexMessage(outcome: Response): string {
  const body = outcome.body as
    { message?: unknown; errors?: { description?: unknown }[]; trackingId?: unknown } | undefined;
  const description = body?.errors?.find((e) => typeof e.description === 'string')?.description;
  let text = typeof body?.message === 'string' ? body.message : vendorMessage(outcome);
  if (typeof description === 'string' && description !== text) {
    text = `${text}: ${description}`;
  }
  return typeof body?.trackingId === 'string' ? `${text} (trackingId ${body.trackingId})` : text;
}

// Webex words a removal of a number the workspace does not hold this way (the simulator too).
const NOT_ASSIGNED = /not assigned/i;

/**
 * Maps one Webex answer that is not a success to what the push engine should do.
 *
 * A refusal is blamed on the rows whose number or extension the message names, so the
 * engine retries the others without them. A DELETE of one number refused because the
 * workspace no longer has it is done: the row asked for the number to be gone, and it is
 * (it happens when an earlier attempt's answer was lost and the DELETE is sent again).
 */
export function classifyWebexFailure(
  outcome: HttpOutcome,
  items: readonly PushItem<WebexWorkspaceNumberPayload>[],
  now: number,
): SendOutcome {
  if (outcome.kind === 'not-sent') {
    return { kind: 'transient', message: `Webex is unreachable: ${outcome.reason}` };
  }
  if (outcome.kind === 'lost') {
    return { kind: 'lost', message: outcome.reason };
  }
  const message = webexMessage(outcome);
  const status = outcome.status;
  if (status === 429) {
    return {
      kind: 'rate-limited',
      retryAfterMs: parseRetryAfter(outcome.headers.get('retry-after'), now),
      daily: false,
      message,
    };
  }
  if (status === 401) {
    return { kind: 'auth', message: `${message} (HTTP 401)` };
  }
  // 423 Locked carries Retry-After like a 5xx that will pass (spec's response codes).
  if (status >= 500 || status === 408 || status === 423) {
    return { kind: 'transient', message: `Webex answered HTTP ${status}: ${message}` };
  }
  const only = items.length === 1 ? items[0] : undefined;
  if (only?.payload.action === 'DELETE' && status === 400 && NOT_ASSIGNED.test(message)) {
    return { kind: 'accepted', created: new Map([[only.identity, idOf(only.payload)]]) };
  }
  const blame = items
    .filter((item) => mentions(message, item.payload))
    .map((item) => item.identity);
  return { kind: 'rejected', status, message: `Webex refused (HTTP ${status}): ${message}`, blame };
}

/** The id batchline reports for a row: its number, or its extension. */
export function idOf(payload: WebexWorkspaceNumberPayload): string {
  return payload.phoneNumber ?? payload.extension ?? '';
}

function mentions(message: string, payload: WebexWorkspaceNumberPayload): boolean {
  if (payload.phoneNumber !== undefined && message.includes(payload.phoneNumber)) {
    return true;
  }
  // Extensions are short digit runs: only a whole word counts, not digits inside a number.
  return (
    payload.extension !== undefined &&
    new RegExp(`(^|[^\\d+])${payload.extension}(?!\\d)`).test(message)
  );
}
