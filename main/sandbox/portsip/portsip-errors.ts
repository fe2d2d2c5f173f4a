import { json } from '../http/sim-http-server';
import type { JsonReply } from '../http/sim-http-server';

/**
 * The simulator's error codes (body `code`). The spec documents no error body, so the
 * simulator settles on one flat shape that the shared HTTP layer already reads:
 *
 *   { "code": "INVALID_ARGUMENT", "message": "extension_number must be 3 to 64 digits",
 *     "field": "extension_number" }
 *
 * `message` always starts with the field it blames, and `field` names it again (dotted for
 * nested fields: `permissions.trunk.view_only`), so a client can point at a sheet column.
 */
export const PortsipErrorCode = {
  invalidArgument: 'INVALID_ARGUMENT',
  unauthorized: 'UNAUTHORIZED',
  notFound: 'NOT_FOUND',
  alreadyExists: 'ALREADY_EXISTS',
  /** The request clashes with the state in another way (a role still held, a member twice). */
  conflict: 'CONFLICT',
  tooManyRequests: 'TOO_MANY_REQUESTS',
  internal: 'INTERNAL_ERROR',
  unavailable: 'SERVICE_UNAVAILABLE',
} as const;
export type PortsipErrorCode = (typeof PortsipErrorCode)[keyof typeof PortsipErrorCode];

/** The error body every refusal carries. */
export interface PortsipErrorBody {
  code: PortsipErrorCode;
  message: string;
  field?: string;
}

/** An error reply; `field` is included only when one field is to blame. */
export function portsipError(
  status: number,
  code: PortsipErrorCode,
  message: string,
  field?: string,
  headers: Record<string, string> = {},
): JsonReply {
  const body: PortsipErrorBody = field === undefined ? { code, message } : { code, message, field };
  return json(status, body, headers);
}

/** 400 blaming one field: the message reads "<field> <problem>". */
export function invalidField(field: string, problem: string): JsonReply {
  return portsipError(400, PortsipErrorCode.invalidArgument, `${field} ${problem}`, field);
}

/** 404 for an unknown id or name; `field` is the path parameter that named it. */
export function notFound(what: string, field: string, value: string): JsonReply {
  return portsipError(404, PortsipErrorCode.notFound, `${what} "${value}" not found`, field);
}

/** 409 for a value another record already holds. */
export function alreadyExists(field: string, value: string, holder: string): JsonReply {
  return portsipError(
    409,
    PortsipErrorCode.alreadyExists,
    `${field} "${value}" is already used by ${holder}`,
    field,
  );
}

/** 401 for a missing, unknown or revoked bearer token. */
export function unauthorized(): JsonReply {
  return portsipError(401, PortsipErrorCode.unauthorized, 'Invalid or missing access token.');
}

/** 429 once the per-minute quota is spent; Retry-After is whole seconds until it refills. */
export function quotaExceeded(retryAfterSeconds: number, quotaPerMinute?: number): JsonReply {
  const quota =
    quotaPerMinute === undefined
      ? 'API request quota'
      : `API request quota of ${quotaPerMinute} per minute`;
  return portsipError(
    429,
    PortsipErrorCode.tooManyRequests,
    `${quota} exceeded; retry after ${Math.max(1, Math.ceil(retryAfterSeconds))} s.`,
    undefined,
    { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  );
}

/** 200 with a body, or 204 (the spec's "No content") without one. */
export function ok(body?: unknown): JsonReply {
  return body === undefined ? { kind: 'json', status: 204 } : json(200, body);
}
