import { AppError } from '../../../../shared/errors';
import type { WebexWorkspaceNumbers } from '../../../../shared/plan/webex-workspace-numbers-compare';
import { readWithRetry } from '../../http/read-with-retry';
import type { Pace } from '../../push/push-adapter';
import type { TargetConnection } from '../push-adapters';
import { webexMessage } from './webex-errors';

/** Where the Webex API is, how to authenticate, and the org a partner admin acts on. */
export interface WebexConnection extends TargetConnection {
  /** `?orgId=`: only for admins of another organisation (partners); absent means the token's own org. */
  orgId?: string;
}

/**
 * The URL of a workspace's numbers: PUT to assign or remove, GET to read. The id is encoded
 * because it travels in the path; orgId goes in the query only when given.
 */
export function workspaceNumbersUrl(connection: WebexConnection, workspaceId: string): string {
  const base = connection.baseUrl.replace(/\/+$/, '');
  const query = connection.orgId ? `?${new URLSearchParams({ orgId: connection.orgId })}` : '';
  return `${base}/telephony/config/workspaces/${encodeURIComponent(workspaceId)}/numbers${query}`;
}

/**
 * Reads one workspace's numbers (Webex's "Get workspace numbers"), riding out 429s, 5xx and
 * lost answers. Returns undefined when Webex answers 404: the workspace does not exist in
 * the org, which the caller words for its own purpose. Anything else that fails is thrown.
 */
export async function readWorkspaceNumbers(
  connection: WebexConnection,
  workspaceId: string,
  pace: Pace,
): Promise<WebexWorkspaceNumbers | undefined> {
  const outcome = await readWithRetry(
    connection.auth,
    {
      method: 'GET',
      url: workspaceNumbersUrl(connection, workspaceId),
      timeoutMs: connection.timeoutMs,
    },
    { ...(connection.fetch ? { fetch: connection.fetch } : {}), pace },
  );
  if (outcome.kind !== 'response') {
    throw new AppError(
      'NETWORK',
      `Cannot read the numbers of Webex workspace ${workspaceId}: ${outcome.reason}.`,
      { retryable: true },
    );
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
      `Webex refused to read the numbers of workspace ${workspaceId} (HTTP ${outcome.status}): ${webexMessage(outcome)}`,
      { retryable: outcome.status === 429 || outcome.status >= 500 },
    );
  }
  const body = outcome.body as WebexWorkspaceNumbers | undefined;
  return {
    distinctiveRingEnabled: body?.distinctiveRingEnabled === true,
    phoneNumbers: Array.isArray(body?.phoneNumbers) ? body.phoneNumbers : [],
  };
}
