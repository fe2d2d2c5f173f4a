import { AppError } from '../../../../shared/errors';
import { readWithRetry } from '../../http/read-with-retry';
import { vendorMessage } from '../../http/http-call';
import type { TargetConnection } from '../push-adapters';

/** A phone user as GET /phone/users lists it (specs/zoom-phone-list-users.txt). */
export interface ZoomListedUser {
  id: string;
  email: string;
  name?: string;
  extension_number?: number | string;
  status?: string;
  site?: { id?: string; name?: string };
  calling_plans?: { name?: string; type?: number }[];
  phone_numbers?: { id?: string; number?: string }[];
  department?: string;
  cost_center?: string;
}

/** Filters of the list endpoint, all optional. */
export interface ZoomListFilters {
  site_id?: string;
  calling_type?: string;
  status?: string;
  department?: string;
  cost_center?: string;
  keyword?: string;
}

/** Where the Zoom API is and how to authenticate. */
export type ZoomConnection = TargetConnection;

/** Joins the base URL and a path without doubling or dropping slashes. */
export function zoomUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * Reads every phone user, page by page (page_size 100, next_page_token until empty).
 *
 * `beforeEachPage` lets the caller spend a rate-limiter token per request. A 429, 5xx or
 * lost page is read again (readWithRetry); what still fails is thrown as an AppError.
 */
export async function listAllZoomUsers(
  connection: ZoomConnection,
  filters: ZoomListFilters = {},
  beforeEachPage: () => Promise<void> = async () => {},
): Promise<ZoomListedUser[]> {
  const users: ZoomListedUser[] = [];
  let pageToken = '';
  for (let page = 0; page < 100_000; page += 1) {
    const query = new URLSearchParams({ page_size: '100' });
    for (const [key, value] of Object.entries(filters) as [string, string | undefined][]) {
      if (value) {
        query.set(key, value);
      }
    }
    if (pageToken) {
      query.set('next_page_token', pageToken);
    }
    const outcome = await readWithRetry(
      connection.auth,
      {
        method: 'GET',
        url: zoomUrl(connection.baseUrl, `phone/users?${query}`),
        timeoutMs: connection.timeoutMs,
      },
      { ...(connection.fetch ? { fetch: connection.fetch } : {}), pace: beforeEachPage },
    );
    if (outcome.kind !== 'response') {
      throw new AppError('NETWORK', `Cannot list Zoom phone users: ${outcome.reason}.`, {
        retryable: true,
      });
    }
    if (outcome.status !== 200) {
      const code =
        outcome.status === 401
          ? 'AUTH_EXPIRED'
          : outcome.status === 429
            ? 'RATE_LIMITED'
            : 'REMOTE_REJECTED';
      throw new AppError(
        code,
        `Zoom refused to list phone users (HTTP ${outcome.status}): ${vendorMessage(outcome)}`,
        {
          retryable: outcome.status === 429 || outcome.status >= 500,
        },
      );
    }
    const body = outcome.body as { users?: ZoomListedUser[]; next_page_token?: string } | undefined;
    users.push(...(body?.users ?? []));
    pageToken = body?.next_page_token ?? '';
    if (!pageToken) {
      return users;
    }
  }
  throw new AppError('REMOTE_REJECTED', 'Zoom kept returning pages; stopped after 100,000.');
}
