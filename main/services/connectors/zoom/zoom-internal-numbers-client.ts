import { AppError } from '../../../../shared/errors';
import type { ListedInternalNumber } from '../../../../shared/plan/zoom-internal-numbers-compare';
import { vendorMessage } from '../../http/http-call';
import { readWithRetry } from '../../http/read-with-retry';
import { zoomUrl, type ZoomConnection } from './zoom-client';

/** The account a row without account_id goes to, when --account-id is not given. */
export const DEFAULT_ZOOM_ACCOUNT = 'me';

/** The path of an account's internal numbers; the id is encoded, as it comes from a sheet. */
export function internalNumbersPath(accountId: string): string {
  return `accounts/${encodeURIComponent(accountId)}/sip_trunk/internal_numbers`;
}

/**
 * Reads every internal number of an account, page by page (page_size 100, next_page_token
 * until empty), through Zoom's "List internal numbers" (GET on the POST's path).
 *
 * Returns undefined when Zoom answers 404 (no such sub account): callers decide whether that
 * is "nothing there yet" (planning) or an error (export). A 429, 5xx or lost page is read
 * again (readWithRetry); anything else that fails is thrown as an AppError.
 */
export async function listAllInternalNumbers(
  connection: ZoomConnection,
  accountId: string,
  pace: () => Promise<void> = async () => {},
): Promise<ListedInternalNumber[] | undefined> {
  const numbers: ListedInternalNumber[] = [];
  let pageToken = '';
  for (let page = 0; page < 100_000; page += 1) {
    const query = new URLSearchParams({ page_size: '100' });
    if (pageToken) {
      query.set('next_page_token', pageToken);
    }
    const outcome = await readWithRetry(
      connection.auth,
      {
        method: 'GET',
        url: zoomUrl(connection.baseUrl, `${internalNumbersPath(accountId)}?${query}`),
        timeoutMs: connection.timeoutMs,
      },
      { ...(connection.fetch ? { fetch: connection.fetch } : {}), pace },
    );
    const what = `internal numbers of account ${accountId}`;
    if (outcome.kind !== 'response') {
      throw new AppError('NETWORK', `Cannot list Zoom ${what}: ${outcome.reason}.`, {
        retryable: true,
      });
    }
    if (outcome.status === 404) {
      return undefined;
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
        `Zoom refused to list ${what} (HTTP ${outcome.status}): ${vendorMessage(outcome)}`,
        { retryable: outcome.status === 429 || outcome.status >= 500 },
      );
    }
    const body = outcome.body as
      { internal_numbers?: ListedInternalNumber[]; next_page_token?: string } | undefined;
    numbers.push(...(body?.internal_numbers ?? []));
    pageToken = body?.next_page_token ?? '';
    if (!pageToken) {
      return numbers;
    }
  }
  throw new AppError('REMOTE_REJECTED', 'Zoom kept returning pages; stopped after 100,000.');
}
