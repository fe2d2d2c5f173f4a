import type { PortsipGroupPayload } from '../../../../shared/datasets/portsip/build-group';
import { listedGroupComparable } from '../../../../shared/plan/portsip-groups-compare';
import type { ExistingRecord } from '../../../../shared/plan/target-plan';
import type { PushAdapter, PushItem, SendOutcome } from '../../push/push-adapter';
import type { TargetConnection } from '../push-adapters';
import { blameItem } from './portsip-errors';
import { createPortsipClient, portsipPath } from './portsip-client';
import { listGroups, readGroup } from './portsip-group-directory';

/**
 * PortSIP user groups for the push engine: POST /api/groups creates (answers `{id}`), POST
 * /api/groups/{id} updates the group the plan found (updateId). An update leaves `name` out,
 * so it never renames a group, not even a change of case. Snapshots list every group and
 * read the caller IDs of the groups the sheet names.
 */
export function createPortsipGroupsAdapter(
  connection: TargetConnection,
): PushAdapter<PortsipGroupPayload> {
  const client = createPortsipClient(connection);
  return {
    async send(items: PushItem<PortsipGroupPayload>[], signal): Promise<SendOutcome> {
      const created = new Map<string, string>();
      // One group a call (batchSize 1); the loop only keeps the contract for longer batches.
      for (const item of items) {
        const { name: _name, ...changes } = item.payload;
        const result =
          item.updateId === undefined
            ? await client.call('POST', '/api/groups', item.payload, signal)
            : await client.call('POST', portsipPath`/api/groups/${item.updateId}`, changes, signal);
        if (result.kind !== 'accepted') {
          return blameItem(result, item.identity);
        }
        const id = item.updateId ?? (result.body as { id?: unknown } | undefined)?.id;
        if (typeof id === 'string') {
          created.set(item.identity, id);
        }
      }
      return { kind: 'accepted', created };
    },

    async lookup(items, pace) {
      const wanted = new Set(items.map((item) => item.identity));
      const found = new Map<string, string>();
      for (const group of await listGroups(connection, pace)) {
        if (wanted.has(group.name.toLowerCase())) {
          found.set(group.name.toLowerCase(), group.id);
        }
      }
      return found;
    },

    async snapshot(pace, payloads) {
      const named = new Set(payloads.map((payload) => payload.name.toLowerCase()));
      const records: ExistingRecord[] = [];
      for (const listed of await listGroups(connection, pace)) {
        const identity = listed.name.toLowerCase();
        // Every group counts toward the share a run changes; only the sheet's are read.
        const group = named.has(identity) ? await readGroup(connection, listed.id, pace) : listed;
        if (group) {
          records.push({ id: listed.id, identity, values: listedGroupComparable(group) });
        }
      }
      return records;
    },
  };
}
