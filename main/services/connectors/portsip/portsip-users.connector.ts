import type { PortsipUserPayload } from '../../../../shared/datasets/portsip/build-portsip-user';
import {
  needsUserDetails,
  portsipUserComparable,
} from '../../../../shared/datasets/portsip/portsip-user-values';
import { USER_NOT_UPDATED } from '../../../../shared/datasets/portsip/user-field-keys';
import type { ExistingRecord } from '../../../../shared/plan/target-plan';
import type { Pace, PushAdapter, PushItem, SendOutcome } from '../../push/push-adapter';
import type { TargetConnection } from '../push-adapters';
import { createPortsipClient, portsipPath, type PortsipClient } from './portsip-client';
import { blameItem } from './portsip-errors';
import { FILTERED_EXTENSION_LOOKUPS } from './portsip-extensions';
import { portsipFilterEq } from './portsip-paging';
import { readPortsipRecord } from './portsip-read';

/** A user as GET /api/users lists it (and GET /api/users/{id} returns, with more fields). */
export interface ListedPortsipUser {
  [field: string]: unknown;
  id: string;
  name: string;
  extension_number: string;
}

const NOT_UPDATED = new Set<string>(USER_NOT_UPDATED);

/** The body of POST /api/users/{id}: the row's fields but those the call refuses or we keep out. */
export function userUpdateBody(payload: PortsipUserPayload): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !NOT_UPDATED.has(key)));
}

/** Every user on the PBX, or those matching the list options. */
export function listPortsipUsers(
  connection: TargetConnection,
  pace: Pace,
  options: { filter?: string; search?: string; orderby?: string } = {},
): Promise<ListedPortsipUser[]> {
  return createPortsipClient(connection).listAll<ListedPortsipUser>('/api/users', pace, options);
}

/** A user's full settings (GET /api/users/{id}); undefined if the user went away meanwhile. */
export function readPortsipUser(
  connection: TargetConnection,
  id: string,
  pace: Pace,
): Promise<ListedPortsipUser | undefined> {
  return readPortsipRecord<ListedPortsipUser>(connection, portsipPath`/api/users/${id}`, pace);
}

/** Creates one user, or sets its role and updates it; the first refusal ends the item. */
async function sendOne(
  client: PortsipClient,
  item: PushItem<PortsipUserPayload>,
  signal: AbortSignal | undefined,
): Promise<{ id: string } | SendOutcome> {
  if (item.updateId === undefined) {
    const result = await client.call('POST', '/api/users', item.payload, signal);
    if (result.kind !== 'accepted') {
      return blameItem(result, item.identity);
    }
    const id = (result.body as { id?: unknown } | undefined)?.id;
    // An answer without an id leaves the item unlisted: the pusher then looks it up.
    return typeof id === 'string' ? { id } : { kind: 'accepted', created: new Map() };
  }
  const id = item.updateId;
  // The role goes first: a role the PBX does not know is the likeliest refusal, and meeting
  // it before the settings call leaves a refused row with nothing changed.
  // It is sent whenever the row names one: setting the role a user already has changes
  // nothing, and the adapter is not told which fields the plan found different.
  if (item.payload.role !== undefined) {
    const result = await client.call(
      'POST',
      portsipPath`/api/users/${id}/role`,
      { role: item.payload.role },
      signal,
    );
    if (result.kind !== 'accepted') {
      return blameItem(result, item.identity);
    }
  }
  const body = userUpdateBody(item.payload);
  if (Object.keys(body).length > 0) {
    const result = await client.call('POST', portsipPath`/api/users/${id}`, body, signal);
    if (result.kind !== 'accepted') {
      return blameItem(result, item.identity);
    }
  }
  return { id };
}

/**
 * PortSIP users for the push engine: one user a call. Creates POST /api/users; updates (the
 * plan found the extension) POST /api/users/{id}/role when the row names a role, then
 * POST /api/users/{id} with the updatable fields. Both update calls are idempotent, so
 * the pusher may send an update again after a lost answer; creates are looked up by extension.
 */
export function createPortsipUsersAdapter(
  connection: TargetConnection,
): PushAdapter<PortsipUserPayload> {
  const client = createPortsipClient(connection);
  return {
    async send(items, signal): Promise<SendOutcome> {
      const created = new Map<string, string>();
      for (const item of items) {
        const sent = await sendOne(client, item, signal);
        if (!('id' in sent)) {
          return sent;
        }
        created.set(item.identity, sent.id);
      }
      return { kind: 'accepted', created };
    },

    async lookup(items, pace) {
      const wanted = new Set(items.map((item) => item.identity));
      const users: ListedPortsipUser[] = [];
      if (wanted.size < FILTERED_EXTENSION_LOOKUPS) {
        for (const extension of wanted) {
          const filter = portsipFilterEq('extension_number', extension);
          users.push(...(await listPortsipUsers(connection, pace, { filter })));
        }
      } else {
        users.push(...(await listPortsipUsers(connection, pace)));
      }
      const found = new Map<string, string>();
      for (const user of users) {
        if (wanted.has(user.extension_number)) {
          found.set(user.extension_number, user.id);
        }
      }
      return found;
    },

    /**
     * Every user (the list's fields: name uniqueness and the change share need them all),
     * plus the full settings of the users whose rows set a field the list leaves out (DND,
     * recording, forward rules…): one GET each, only where the comparison needs it.
     */
    async snapshot(pace, payloads) {
      const detailed = new Set(
        payloads.filter((payload) => needsUserDetails(payload)).map((p) => p.extension_number),
      );
      const records: ExistingRecord[] = [];
      for (const listed of await listPortsipUsers(connection, pace)) {
        const full = detailed.has(listed.extension_number)
          ? await readPortsipUser(connection, listed.id, pace)
          : undefined;
        records.push({
          id: listed.id,
          identity: listed.extension_number,
          values: portsipUserComparable({ ...listed, ...full }),
        });
      }
      return records;
    },
  };
}
