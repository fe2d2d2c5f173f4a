import {
  memberIdentity,
  type PortsipMemberPayload,
} from '../../../../shared/datasets/portsip/build-member';
import type { ExistingRecord, TargetReferences } from '../../../../shared/plan/target-plan';
import type { Pace, PushAdapter, PushItem, SendOutcome } from '../../push/push-adapter';
import type { TargetConnection } from '../push-adapters';
import { blameItem } from './portsip-errors';
import { createPortsipClient, portsipPath } from './portsip-client';
import { existingExtensions } from './portsip-extensions';
import { groupIdsByName, listMembers } from './portsip-group-directory';
import { readPortsipRecord } from './portsip-read';

/** The result id of a membership: the group's id and the extension. */
const membershipId = (groupId: string, extension: string) => `${groupId}/${extension}`;

/**
 * PortSIP group members for the push engine: POST /api/groups/{id}/members/{extension_number},
 * one member a call. Rows name groups; the adapter resolves names to ids from one listing of
 * the groups, kept for the run and read again once when a name is not in it. Planning reads
 * the members of the groups the sheet names, and (references) which of those groups and of
 * the sheet's extensions exist, so the plan reports a missing one before any write.
 */
export function createPortsipGroupMembersAdapter(
  connection: TargetConnection,
): PushAdapter<PortsipMemberPayload> {
  const client = createPortsipClient(connection);
  let directory: Map<string, string> | undefined;
  let reread = false;
  const unpaced: Pace = async () => {};

  const groupIdOf = async (name: string, pace: Pace): Promise<string | undefined> => {
    directory ??= await groupIdsByName(connection, pace);
    let id = directory.get(name.toLowerCase());
    if (id === undefined && !reread) {
      // A group created since the listing (by hand, or by a groups push running meanwhile).
      reread = true;
      directory = await groupIdsByName(connection, pace);
      id = directory.get(name.toLowerCase());
    }
    return id;
  };

  return {
    async send(items: PushItem<PortsipMemberPayload>[], signal): Promise<SendOutcome> {
      const created = new Map<string, string>();
      for (const item of items) {
        const { group, extension_number: extension } = item.payload;
        // Sends are paced by the runner; the listing here happens once a run at most.
        const groupId = await groupIdOf(group, unpaced);
        if (groupId === undefined) {
          return {
            kind: 'rejected',
            status: 404,
            message: `group "${group}" is not a user group on the PBX; create it first (groups dataset)`,
            blame: [item.identity],
          };
        }
        const result = await client.call(
          'POST',
          portsipPath`/api/groups/${groupId}/members/${extension}`,
          undefined,
          signal,
        );
        if (result.kind !== 'accepted') {
          return blameItem(result, item.identity);
        }
        created.set(item.identity, membershipId(groupId, extension));
      }
      return { kind: 'accepted', created };
    },

    async lookup(items, pace) {
      const found = new Map<string, string>();
      for (const item of items) {
        const { group, extension_number: extension } = item.payload;
        const groupId = await groupIdOf(group, pace);
        const member =
          groupId === undefined
            ? undefined
            : await readPortsipRecord(
                connection,
                portsipPath`/api/groups/${groupId}/members/${extension}`,
                pace,
              );
        if (groupId !== undefined && member !== undefined) {
          found.set(item.identity, membershipId(groupId, extension));
        }
      }
      return found;
    },

    async snapshot(pace, payloads) {
      directory = await groupIdsByName(connection, pace);
      const records: ExistingRecord[] = [];
      const named = new Set(payloads.map((payload) => payload.group.toLowerCase()));
      for (const name of named) {
        const groupId = directory.get(name);
        if (groupId === undefined) {
          continue;
        }
        for (const member of await listMembers(connection, groupId, pace)) {
          records.push({
            id: membershipId(groupId, member.extension_number),
            identity: memberIdentity(name, member.extension_number),
            values: { group: name, extension_number: member.extension_number },
          });
        }
      }
      return records;
    },

    async references(pace, payloads): Promise<TargetReferences> {
      directory ??= await groupIdsByName(connection, pace);
      const extensions = await existingExtensions(
        connection,
        payloads.map((payload) => payload.extension_number),
        pace,
      );
      return new Map([
        ['group', new Set(directory.keys())],
        ['extension_number', extensions],
      ]);
    },
  };
}
