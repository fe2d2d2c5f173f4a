import { AppError } from '../../../../shared/errors';
import { vendorMessage } from '../../http/http-call';
import { readWithRetry } from '../../http/read-with-retry';
import type { Pace } from '../../push/push-adapter';
import type { TargetConnection } from '../push-adapters';
import { portsipUrl } from './portsip-paging';

/**
 * Reads one PortSIP record (GET /api/roles/{name}, /api/groups/{id}), pacing every attempt
 * and riding out 429, 5xx and lost answers. Returns undefined for 404 (the record is gone);
 * anything else that fails is thrown as an AppError naming the path, as listAllPortsip does.
 */
export async function readPortsipRecord<T>(
  connection: TargetConnection,
  path: string,
  pace: Pace,
): Promise<T | undefined> {
  const outcome = await readWithRetry(
    connection.auth,
    { method: 'GET', url: portsipUrl(connection.baseUrl, path), timeoutMs: connection.timeoutMs },
    { ...(connection.fetch ? { fetch: connection.fetch } : {}), pace },
  );
  if (outcome.kind !== 'response') {
    throw new AppError('NETWORK', `Cannot read PortSIP ${path}: ${outcome.reason}.`, {
      retryable: true,
    });
  }
  if (outcome.status === 404) {
    return undefined;
  }
  if (outcome.status !== 200) {
    const status = outcome.status;
    throw new AppError(
      status === 401 || status === 403 ? 'AUTH_EXPIRED' : 'REMOTE_REJECTED',
      `PortSIP refused to read ${path} (HTTP ${status}): ${vendorMessage(outcome)}`,
      { retryable: status === 429 || status >= 500 },
    );
  }
  return outcome.body as T;
}

/** The list options an export takes: the spec's filter, search and orderby, as given. */
export function listOptionsOf(filters: Record<string, string>): {
  filter?: string;
  search?: string;
  orderby?: string;
} {
  return {
    ...(filters.filter ? { filter: filters.filter } : {}),
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.orderby ? { orderby: filters.orderby } : {}),
  };
}

/** The list parameters every PortSIP export accepts as --filter NAME=VALUE. */
export const PORTSIP_LIST_FILTERS = ['filter', 'search', 'orderby'] as const;
