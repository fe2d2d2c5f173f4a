/**
 * The PortSIP PBX API client that the users, roles, groups and group-members datasets share.
 *
 * How dataset authors use it, in a PushAdapter:
 *
 *   const client = createPortsipClient(connection);
 *   // send: one record a call
 *   const result = await client.call('POST', portsipPath`/api/users`, payload, signal);
 *   if (result.kind !== 'accepted') return blameItem(result, item.identity);
 *   const id = (result.body as { id: string }).id;
 *   // lookup / snapshot: every page, pacing each request with the run's limiter
 *   const users = await client.listAll('/api/users', pace, {
 *     filter: portsipFilterEq('extension_number', '1001'),
 *   });
 *
 * `call` never throws for HTTP or network trouble: it answers a PortsipCallResult whose
 * failures are SendOutcomes. Build paths with `portsipPath` so ids and extension numbers are
 * encoded. `listAll` throws AppError when a page cannot be read after retries.
 */
import { authorizedCall } from '../../http/authorized-call';
import type { Pace } from '../../push/push-adapter';
import type { TargetConnection } from '../push-adapters';
import { classifyPortsipOutcome, type PortsipCallResult } from './portsip-errors';
import { listAllPortsip, portsipUrl, type PortsipListOptions } from './portsip-paging';

/** Methods PortSIP's API uses: reads are GET, every change (create, update, destroy) is POST. */
export type PortsipMethod = 'GET' | 'POST';

/** A client bound to one PBX and token. */
export interface PortsipClient {
  /** One request; `path` like `/api/users/{id}` (already encoded, see portsipPath). */
  call(
    method: PortsipMethod,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<PortsipCallResult>;
  /** Every item of a collection (`/api/users`, `/api/roles`, `/api/groups`, `/api/groups/{id}/members`). */
  listAll<T = Record<string, unknown>>(
    path: string,
    pace: Pace,
    options?: PortsipListOptions,
  ): Promise<T[]>;
}

/** A path with each interpolated value URL-encoded as one segment: portsipPath`/api/roles/${name}`. */
export function portsipPath(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce(
    (path, part, index) =>
      path + part + (index < values.length ? encodeURIComponent(values[index] ?? '') : ''),
    '',
  );
}

/** Creates a client for `connection` (base `https://<host>:8887`, bearer token source). */
export function createPortsipClient(
  connection: TargetConnection,
  options: { now?: () => number } = {},
): PortsipClient {
  const now = options.now ?? Date.now;
  return {
    async call(method, path, body, signal) {
      const outcome = await authorizedCall(
        connection.auth,
        {
          method,
          url: portsipUrl(connection.baseUrl, path),
          body,
          timeoutMs: connection.timeoutMs,
          signal,
        },
        connection.fetch,
      );
      return classifyPortsipOutcome(outcome, now());
    },
    listAll(path, pace, listOptions) {
      return listAllPortsip(connection, path, pace, listOptions);
    },
  };
}
