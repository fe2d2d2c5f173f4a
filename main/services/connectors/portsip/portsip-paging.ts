import { AppError } from '../../../../shared/errors';
import { PORTSIP_MAX_TOP } from '../../../../shared/datasets/portsip/portsip-rules';
import { vendorMessage } from '../../http/http-call';
import { readWithRetry } from '../../http/read-with-retry';
import type { Pace } from '../../push/push-adapter';
import type { TargetConnection } from '../push-adapters';

/** The list parameters every PortSIP collection takes besides skip and top. */
export interface PortsipListOptions {
  /** OData comparisons joined by `and`, e.g. `extension_number eq '1001'` (see portsipFilterEq). */
  filter?: string;
  /** Free text the PBX matches against the collection's text fields. */
  search?: string;
  /** `field asc|desc`, comma-separated for several keys. */
  orderby?: string;
  /** Cancels between (and during) pages. */
  signal?: AbortSignal;
}

/** `field eq 'value'` with the value's quotes doubled, for a list's `filter`. */
export function portsipFilterEq(field: string, value: string): string {
  return `${field} eq '${value.replaceAll("'", "''")}'`;
}

/** The query string of one page: `skip`, `top` and whichever list options are set. */
export function portsipPageQuery(
  skip: number,
  top: number,
  options: PortsipListOptions = {},
): string {
  const query = new URLSearchParams({ skip: String(skip), top: String(top) });
  for (const key of ['filter', 'search', 'orderby'] as const) {
    const value = options[key];
    if (value) {
      query.set(key, value);
    }
  }
  return query.toString();
}

/** The items of a list answer and its `count` when it has one (members lists do not). */
export function readPage(body: unknown): { items: unknown[]; count: number | undefined } {
  const page = body as { items?: unknown; count?: unknown } | undefined;
  return {
    items: Array.isArray(page?.items) ? page.items : [],
    count: typeof page?.count === 'number' ? page.count : undefined,
  };
}

/** Joins the PBX base (`https://<host>:8887`) and an `/api/...` path. */
export function portsipUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * Reads a whole collection with skip/top=100 until a short page (or `count` items), calling
 * `pace` before every request, retries included (readWithRetry rides out 429, 5xx and lost
 * answers). What still fails is thrown as an AppError: AUTH_EXPIRED, RATE_LIMITED, NETWORK
 * or REMOTE_REJECTED with the PBX's message.
 */
export async function listAllPortsip<T = Record<string, unknown>>(
  connection: TargetConnection,
  path: string,
  pace: Pace,
  options: PortsipListOptions = {},
): Promise<T[]> {
  const all: T[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let pages = 0; pages < 100_000; pages += 1) {
    const outcome = await readWithRetry(
      connection.auth,
      {
        method: 'GET',
        url: portsipUrl(
          connection.baseUrl,
          `${path}${separator}${portsipPageQuery(all.length, PORTSIP_MAX_TOP, options)}`,
        ),
        timeoutMs: connection.timeoutMs,
        signal: options.signal,
      },
      { ...(connection.fetch ? { fetch: connection.fetch } : {}), pace },
    );
    if (outcome.kind !== 'response') {
      throw new AppError('NETWORK', `Cannot read PortSIP ${path}: ${outcome.reason}.`, {
        retryable: true,
      });
    }
    if (outcome.status !== 200) {
      const status = outcome.status;
      const code =
        status === 401 || status === 403
          ? 'AUTH_EXPIRED'
          : status === 429
            ? 'RATE_LIMITED'
            : 'REMOTE_REJECTED';
      throw new AppError(
        code,
        `PortSIP refused to list ${path} (HTTP ${status}): ${vendorMessage(outcome)}`,
        {
          retryable: status === 429 || status >= 500,
        },
      );
    }
    const { items, count } = readPage(outcome.body);
    all.push(...(items as T[]));
    if (items.length < PORTSIP_MAX_TOP || (count !== undefined && all.length >= count)) {
      return all;
    }
  }
  throw new AppError(
    'REMOTE_REJECTED',
    `PortSIP kept returning pages of ${path}; stopped after 100,000.`,
  );
}
