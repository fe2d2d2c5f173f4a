import { authorizedCall } from '../../http/authorized-call';
import type { PushAdapter, PushItem, SendOutcome } from '../../push/push-adapter';
import { classifyZoomFailure } from './zoom-errors';
import { zoomListedComparable } from '../../../../shared/plan/zoom-users-compare';
import { listAllZoomUsers, zoomUrl, type ZoomConnection } from './zoom-client';

/**
 * Zoom Phone users for the push engine: POST /phone/users/batch (≤10 users a call) and a
 * lookup by email over GET /phone/users (the list has no email filter, so it pages).
 */
export function createZoomUsersAdapter<P>(
  connection: ZoomConnection,
  options: { now?: () => number; beforeLookupPage?: () => Promise<void> } = {},
): PushAdapter<P> {
  const now = options.now ?? Date.now;
  return {
    async send(items: PushItem<P>[]): Promise<SendOutcome> {
      const outcome = await authorizedCall(
        connection.auth,
        {
          method: 'POST',
          url: zoomUrl(connection.baseUrl, 'phone/users/batch'),
          body: { users: items.map((item) => item.payload) },
          timeoutMs: connection.timeoutMs,
        },
        connection.fetch,
      );
      if (outcome.kind === 'response' && (outcome.status === 201 || outcome.status === 200)) {
        const created = new Map<string, string>();
        const listed = Array.isArray(outcome.body)
          ? (outcome.body as { email?: unknown; id?: unknown }[])
          : [];
        for (const entry of listed) {
          if (typeof entry.email === 'string' && typeof entry.id === 'string') {
            created.set(entry.email.toLowerCase(), entry.id);
          }
        }
        return { kind: 'accepted', created };
      }
      return classifyZoomFailure(
        outcome,
        items.map((item) => item.identity),
        now(),
      );
    },

    async snapshot() {
      const users = await listAllZoomUsers(connection, {}, options.beforeLookupPage);
      return users.map((user) => ({ id: user.id, identity: user.email.toLowerCase(), values: zoomListedComparable(user) }));
    },

    async lookup(items: PushItem<P>[]): Promise<Map<string, string>> {
      const wanted = new Set(items.map((item) => item.identity));
      const found = new Map<string, string>();
      const users = await listAllZoomUsers(connection, {}, options.beforeLookupPage);
      for (const user of users) {
        const email = user.email.toLowerCase();
        if (wanted.has(email)) {
          found.set(email, user.id);
        }
      }
      return found;
    },
  };
}
