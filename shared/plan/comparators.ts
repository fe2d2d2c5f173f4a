import type { Kind, Target } from '../datasets/targets';
import type { PlanComparator } from './target-plan';
import { zoomUsersComparator } from './zoom-users-compare';
import { portsipUsersComparator } from './portsip-users-compare';
import { portsipRolesComparator } from './portsip-roles-compare';
import { portsipGroupsComparator } from './portsip-groups-compare';
import { portsipGroupMembersComparator } from './portsip-group-members-compare';
import { webexWorkspaceNumbersComparator } from './webex-workspace-numbers-compare';
import { zoomInternalNumbersComparator } from './zoom-internal-numbers-compare';

// Keyed "target/kind", like the dataset registry; a dataset without one is pushed unplanned.
const COMPARATORS: ReadonlyMap<string, PlanComparator<never>> = new Map<
  string,
  PlanComparator<never>
>([
  ['zoom/users', zoomUsersComparator],
  ['portsip/users', portsipUsersComparator],
  ['portsip/roles', portsipRolesComparator],
  ['portsip/groups', portsipGroupsComparator],
  ['portsip/group-members', portsipGroupMembersComparator],
  ['webex/workspace-numbers', webexWorkspaceNumbersComparator],
  ['zoom/internal-numbers', zoomInternalNumbersComparator],
]);

/** How rows of a dataset compare with what the target holds, or undefined. */
export function comparatorFor(target: Target, kind: Kind): PlanComparator<unknown> | undefined {
  return COMPARATORS.get(`${target}/${kind}`);
}
