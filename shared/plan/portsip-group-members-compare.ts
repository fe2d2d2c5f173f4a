import { memberIdentity, type PortsipMemberPayload } from '../datasets/portsip/build-member';
import type { PlanComparator } from './target-plan';

/**
 * How a PortSIP group members row compares with the PBX: a membership exists or it does
 * not, so there is nothing to update. The group (by lowercased name) and the extension must
 * both exist on the PBX: the adapter's references say which do, and the plan turns a row
 * naming a missing one into a conflict before anything is sent.
 */
export const portsipGroupMembersComparator: PlanComparator<PortsipMemberPayload> = {
  identityOf: (payload) => memberIdentity(payload.group, payload.extension_number),
  comparable: (payload) => ({
    group: payload.group.toLowerCase(),
    extension_number: payload.extension_number,
  }),
  uniqueAcrossTarget: [],
  canUpdate: false,
  mustExist: [
    {
      field: 'group',
      missing: 'is not a user group on the PBX; create it first (groups dataset)',
    },
    {
      field: 'extension_number',
      missing: 'is not the extension of any user on the PBX; create the user first',
    },
  ],
};
