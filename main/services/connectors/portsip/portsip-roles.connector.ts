import { isBuiltInRole } from '../../../../shared/datasets/portsip/portsip-rules';
import type { PortsipRolePayload } from '../../../../shared/datasets/portsip/build-role';
import {
  listedRoleCells,
  type ListedPortsipRole,
} from '../../../../shared/plan/portsip-roles-compare';
import type { ExistingRecord } from '../../../../shared/plan/target-plan';
import type { Pace, PushAdapter, PushItem, SendOutcome } from '../../push/push-adapter';
import type { TargetConnection } from '../push-adapters';
import { blameItem } from './portsip-errors';
import { createPortsipClient, portsipPath } from './portsip-client';
import { readPortsipRecord } from './portsip-read';

/** The custom roles on the PBX (GET /api/roles lists the built-in ones too). */
export async function listCustomRoles(
  connection: TargetConnection,
  pace: Pace,
  options: { filter?: string; search?: string; orderby?: string } = {},
): Promise<ListedPortsipRole[]> {
  const roles = await createPortsipClient(connection).listAll<ListedPortsipRole>(
    '/api/roles',
    pace,
    options,
  );
  return roles.filter((role) => typeof role.name === 'string' && !isBuiltInRole(role.name));
}

/** A role with its permissions (GET /api/roles/{name}); undefined if it went away meanwhile. */
export function readRole(
  connection: TargetConnection,
  name: string,
  pace: Pace,
): Promise<ListedPortsipRole | undefined> {
  return readPortsipRecord<ListedPortsipRole>(connection, portsipPath`/api/roles/${name}`, pace);
}

/**
 * PortSIP roles for the push engine: POST /api/roles creates, POST /api/roles/{name} updates
 * (the name the plan found; the body leaves `name` out so an update never renames, not even
 * a change of case). Snapshots read the permissions of the roles the sheet names only.
 */
export function createPortsipRolesAdapter(
  connection: TargetConnection,
): PushAdapter<PortsipRolePayload> {
  const client = createPortsipClient(connection);
  return {
    async send(items: PushItem<PortsipRolePayload>[], signal): Promise<SendOutcome> {
      const created = new Map<string, string>();
      // One role a call (batchSize 1); the loop only keeps the contract for longer batches.
      for (const item of items) {
        const { name, ...changes } = item.payload;
        const result =
          item.updateId === undefined
            ? await client.call('POST', '/api/roles', item.payload, signal)
            : await client.call('POST', portsipPath`/api/roles/${item.updateId}`, changes, signal);
        if (result.kind !== 'accepted') {
          return blameItem(result, item.identity);
        }
        const answered = (result.body as { name?: unknown } | undefined)?.name;
        created.set(
          item.identity,
          item.updateId ?? (typeof answered === 'string' ? answered : name),
        );
      }
      return { kind: 'accepted', created };
    },

    async lookup(items, pace) {
      const wanted = new Set(items.map((item) => item.identity));
      const found = new Map<string, string>();
      for (const role of await listCustomRoles(connection, pace)) {
        if (wanted.has(role.name.toLowerCase())) {
          found.set(role.name.toLowerCase(), role.name);
        }
      }
      return found;
    },

    async snapshot(pace, payloads) {
      const named = new Set(payloads.map((payload) => payload.name.toLowerCase()));
      const records: ExistingRecord[] = [];
      for (const listed of await listCustomRoles(connection, pace)) {
        const identity = listed.name.toLowerCase();
        // Every custom role counts toward the share a run changes; only the sheet's are read.
        const role = named.has(identity) ? await readRole(connection, listed.name, pace) : listed;
        if (role) {
          const { name: _name, ...values } = listedRoleCells(role);
          records.push({ id: listed.name, identity, values });
        }
      }
      return records;
    },
  };
}
