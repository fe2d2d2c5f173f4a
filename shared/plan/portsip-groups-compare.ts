import type { PortsipCallerId, PortsipGroupPayload } from '../datasets/portsip/build-group';
import type { PlanComparator } from './target-plan';

/**
 * A caller ID list as one comparable string, order kept (the PBX keeps the order it is
 * given): `caller|provider|description` entries joined by newlines, which no cell of a
 * caller ID holds once trimmed.
 */
export function callerIdsText(entries: readonly Partial<PortsipCallerId>[]): string {
  return entries
    .map((entry) =>
      [entry.caller_id ?? '', entry.provider_id ?? '', entry.description ?? ''].join('|'),
    )
    .join('\n');
}

/**
 * How a PortSIP groups row compares with a group on the PBX: the description and the caller
 * ID list when the sheet sets them. Names match with case ignored; POST /api/groups/{id}
 * updates, so a differing group is an update.
 */
export const portsipGroupsComparator: PlanComparator<PortsipGroupPayload> = {
  identityOf: (payload) => payload.name.toLowerCase(),
  comparable(payload) {
    const values: Record<string, string> = {};
    if (payload.description !== undefined) {
      values.description = payload.description;
    }
    if (payload.outbound_caller_ids !== undefined) {
      values.outbound_caller_ids = callerIdsText(payload.outbound_caller_ids);
    }
    return values;
  },
  uniqueAcrossTarget: [],
  canUpdate: true,
};

/** A group as GET /api/groups/{id} returns it. */
export interface ListedPortsipGroup {
  id: string;
  name: string;
  description?: string;
  outbound_caller_ids?: Partial<PortsipCallerId>[];
}

/** The comparable values of a group on the PBX. */
export function listedGroupComparable(group: ListedPortsipGroup): Record<string, string> {
  return {
    description: group.description ?? '',
    outbound_caller_ids: callerIdsText(group.outbound_caller_ids ?? []),
  };
}
