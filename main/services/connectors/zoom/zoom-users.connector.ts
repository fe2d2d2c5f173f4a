import { authorizedCall } from '../../http/authorized-call';
import type { PushAdapter, PushItem, SendOutcome } from '../../push/push-adapter';
import { classifyZoomFailure } from './zoom-errors';
import { zoomListedComparable } from '../../../../shared/plan/zoom-users-compare';
import { listAllZoomUsers, zoomUrl, type ZoomConnection } from './zoom-client';

/**
 * The keyword queries that cover a set of items: their extensions' common prefix when it is
 * specific enough (3+ digits), else one query per extension; '' (list all) only when an item
 * has no extension.
 */
function lookupKeywords<P>(items: PushItem<P>[]): string[] {
  const extensions = items.map((item) => extensionOf(item.payload));
  if (extensions.some((extension) => extension === undefined)) {
    return [''];
  }
  const list = extensions as string[];
  let prefix = list[0] ?? '';
  for (const extension of list) {
    while (!extension.startsWith(prefix)) {
      prefix = prefix.slice(0, -1);
    }
  }
  return prefix.length >= 3 ? [prefix] : [...new Set(list)];
}

/** The extension of a Zoom user payload, as the list's keyword filter matches it. */
function extensionOf(payload: unknown): string | undefined {
  const value = (payload as { extension_number?: unknown } | null)?.extension_number;
  return typeof value === 'string' && /^\d+$/.test(value)
    ? value.replace(/^0+(?=\d)/, '')
    : undefined;
}

/**
 * Zoom Phone users for the push engine: POST /phone/users/batch (≤10 users a call), lookups
 * and snapshots over GET /phone/users.
 */
export function createZoomUsersAdapter<P>(
  connection: ZoomConnection,
  options: { now?: () => number } = {},
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

    async snapshot(pace) {
      const users = await listAllZoomUsers(connection, {}, pace);
      return users.map((user) => ({
        id: user.id,
        identity: user.email.toLowerCase(),
        values: zoomListedComparable(user),
      }));
    },

    /**
     * Finds users by email. The list API has no email filter, but its keyword filter matches
     * extensions: a batch's extensions usually share a prefix (5000-5009 → "500"), so one
     * small query answers for the whole batch; otherwise each item is searched on its own.
     * Answers are matched by email, so a broad keyword can never confirm the wrong user.
     */
    async lookup(items: PushItem<P>[], pace): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      const wanted = new Set(items.map((item) => item.identity));
      for (const keyword of lookupKeywords(items)) {
        const users = await listAllZoomUsers(connection, keyword ? { keyword } : {}, pace);
        for (const user of users) {
          const email = user.email.toLowerCase();
          if (wanted.has(email)) {
            found.set(email, user.id);
          }
        }
      }
      return found;
    },
  };
}
