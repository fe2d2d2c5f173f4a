import type { PortsipRolePayload } from '../datasets/portsip/build-role';
import { DENIED, GRANTED, PERMISSION_COLUMNS } from '../datasets/portsip/role-fields';
import type { PlanComparator } from './target-plan';

const flag = (granted: boolean) => (granted ? GRANTED : DENIED);

/**
 * How a PortSIP roles row compares with a role on the PBX: the description and each
 * permission column the sheet sets (an empty cell is "not set" and never differs). Names
 * match with case ignored. POST /api/roles/{name} updates a custom role, so a differing
 * role is an update.
 */
export const portsipRolesComparator: PlanComparator<PortsipRolePayload> = {
  identityOf: (payload) => payload.name.toLowerCase(),
  comparable(payload) {
    const values: Record<string, string> = {};
    if (payload.description !== undefined) {
      values.description = payload.description;
    }
    for (const { column, group, key } of PERMISSION_COLUMNS) {
      const granted = payload.permissions?.[group]?.[key];
      if (granted !== undefined) {
        values[column] = flag(granted);
      }
    }
    return values;
  },
  uniqueAcrossTarget: [],
  canUpdate: true,
};

/** A role as GET /api/roles/{name} returns it (fields may be missing on a real PBX). */
export interface ListedPortsipRole {
  name: string;
  description?: string;
  permissions?: Record<string, Record<string, unknown> | undefined>;
}

/**
 * Every column of a role on the PBX, in the sheet's terms: permissions the PBX leaves out
 * are not granted. Used by the plan (comparable values) and the export (cells).
 */
export function listedRoleCells(role: ListedPortsipRole): Record<string, string> {
  const cells: Record<string, string> = {
    name: role.name,
    description: role.description ?? '',
  };
  for (const { column, group, key } of PERMISSION_COLUMNS) {
    cells[column] = flag(role.permissions?.[group]?.[key] === true);
  }
  return cells;
}
