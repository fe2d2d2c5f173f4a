import { FaultQueue } from '../http/fault-queue';
import type { JsonReply } from '../http/sim-http-server';
import { portsipError, PortsipErrorCode, quotaExceeded, unauthorized } from './portsip-errors';

/** The simulator's route ids, as fault scripts and the request log name them. */
export type PortsipRoute =
  | 'list-users'
  | 'create-user'
  | 'get-user'
  | 'update-user'
  | 'set-user-role'
  | 'destroy-user'
  | 'list-roles'
  | 'create-role'
  | 'get-role'
  | 'update-role'
  | 'destroy-role'
  | 'list-groups'
  | 'create-group'
  | 'get-group'
  | 'update-group'
  | 'destroy-group'
  | 'list-members'
  | 'get-member'
  | 'add-member'
  | 'remove-member';

/**
 * A fault the next request to a route meets.
 *
 * - `status`: answer `status` without touching state; 429 and 503 carry `Retry-After` when
 *   `retryAfter` (seconds) is given, 401 is the usual token refusal.
 * - `drop-before-apply`: close the connection without an answer; nothing changes.
 * - `drop-after-apply`: handle the request fully, then close the connection: the change is
 *   made but the answer is lost, the case a push must reconcile before creating again.
 */
export type PortsipFault =
  | { kind: 'status'; status: number; retryAfter?: number; message?: string }
  | { kind: 'drop-before-apply' }
  | { kind: 'drop-after-apply' };

/** The PortSIP simulator's fault script. */
export type PortsipFaultQueue = FaultQueue<PortsipRoute, PortsipFault>;

/** A new, empty fault script. */
export function createPortsipFaultQueue(): PortsipFaultQueue {
  return new FaultQueue<PortsipRoute, PortsipFault>();
}

/** The reply for a `status` fault. */
export function faultReply(fault: Extract<PortsipFault, { kind: 'status' }>): JsonReply {
  if (fault.status === 401) {
    return unauthorized();
  }
  if (fault.status === 429) {
    return quotaExceeded(fault.retryAfter ?? 1);
  }
  const headers: Record<string, string> =
    fault.retryAfter === undefined
      ? {}
      : { 'Retry-After': String(Math.max(1, Math.ceil(fault.retryAfter))) };
  const code = fault.status === 503 ? PortsipErrorCode.unavailable : PortsipErrorCode.internal;
  const message = fault.message ?? `Simulated failure (HTTP ${fault.status}).`;
  return portsipError(fault.status, code, message, undefined, headers);
}
