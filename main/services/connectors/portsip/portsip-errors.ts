import { vendorMessage, type HttpOutcome } from '../../http/http-call';
import type { SendOutcome } from '../../push/push-adapter';
import { parseRetryAfter } from '../../push/retry-after';

/**
 * A PortSIP answer that is not a success, already in the push engine's terms. Every variant
 * is a SendOutcome, so an adapter can return it as is (after `blameItem` for refusals).
 *
 * `rejected` adds what the PBX said about the field: `field` (dotted, e.g.
 * `permissions.trunk.view_only`) and `code` (e.g. `ALREADY_EXISTS`) when the body had them.
 */
export type PortsipFailure =
  | {
      kind: 'rejected';
      status: number;
      message: string;
      blame: string[];
      field?: string;
      code?: string;
    }
  | Exclude<SendOutcome, { kind: 'accepted' | 'rejected' }>;

/** What one PortSIP call came to: accepted with its parsed body (undefined for 204), or a failure. */
export type PortsipCallResult =
  { kind: 'accepted'; status: number; body: unknown } | PortsipFailure;

/**
 * Classifies one exchange: 2xx accepted; 429 rate-limited (Retry-After); 401/403 auth; 408
 * and 5xx transient; other 4xx (400, 404, 409, 422…) rejected; never reached → transient;
 * answer lost → lost (the change may have happened: look before creating again).
 *
 * 403 counts as auth because PortSIP answers it when the token's user lacks the privilege
 * (e.g. UserManagement::Users): no row will get through until the token changes.
 */
export function classifyPortsipOutcome(outcome: HttpOutcome, now: number): PortsipCallResult {
  if (outcome.kind === 'not-sent') {
    return { kind: 'transient', message: `The PortSIP PBX is unreachable: ${outcome.reason}` };
  }
  if (outcome.kind === 'lost') {
    return { kind: 'lost', message: outcome.reason };
  }
  const status = outcome.status;
  if (status >= 200 && status < 300) {
    return { kind: 'accepted', status, body: outcome.body };
  }
  const message = vendorMessage(outcome);
  if (status === 429) {
    return {
      kind: 'rate-limited',
      retryAfterMs: parseRetryAfter(outcome.headers.get('retry-after'), now),
      daily: false,
      message,
    };
  }
  if (status === 401 || status === 403) {
    return { kind: 'auth', message: `${message} (HTTP ${status})` };
  }
  if (status === 408 || status >= 500) {
    return { kind: 'transient', message: `PortSIP answered HTTP ${status}: ${message}` };
  }
  const body = outcome.body as { field?: unknown; code?: unknown } | undefined;
  return {
    kind: 'rejected',
    status,
    message: `PortSIP refused (HTTP ${status}): ${message}`,
    blame: [],
    ...(typeof body?.field === 'string' ? { field: body.field } : {}),
    ...(typeof body?.code === 'string' ? { code: body.code } : {}),
  };
}

/**
 * The failure as a SendOutcome for the one item that was sent: PortSIP takes one record a
 * call, so a refusal is always that item's fault and names it in `blame`.
 */
export function blameItem(failure: PortsipFailure, identity: string): SendOutcome {
  return failure.kind === 'rejected' ? { ...failure, blame: [identity] } : failure;
}
