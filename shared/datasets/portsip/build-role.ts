import type { FieldWarning, MappedRecord } from '../dataset';
import { parseYesNo } from '../cell-values';
import type { RecordParse } from '../../validation/record-parser';
import { checkCustomRoleName, isBuiltInRole } from './portsip-rules';
import { fieldProblem } from './portsip-record-schema';
import { PERMISSION_COLUMNS } from './role-fields';

/** A role's `permissions` as sent: only the permissions the sheet sets. */
export type PortsipRolePermissions = Record<string, Record<string, boolean>>;

/** The body of POST /api/roles (create) for one row. */
export interface PortsipRolePayload {
  name: string;
  description?: string;
  permissions?: PortsipRolePermissions;
}

/**
 * Builds the role of one mapped record, or collects every problem of its cells: a missing,
 * badly spaced or built-in name, and permission cells that are not TRUE/FALSE.
 */
export function buildPortsipRole(record: MappedRecord): RecordParse<PortsipRolePayload> {
  const problems: FieldWarning[] = [];
  const name = record.name;
  if (name === undefined) {
    problems.push(fieldProblem('name', 'REQUIRED', 'name is required'));
  } else if (isBuiltInRole(name)) {
    problems.push(
      fieldProblem(
        'name',
        'BUILT_IN_ROLE',
        `name "${name}" is a built-in PortSIP role; built-in roles cannot be created or changed, so give the custom role another name`,
      ),
    );
  } else {
    const problem = checkCustomRoleName(name);
    if (problem) {
      problems.push(fieldProblem('name', 'INVALID_ROLE_NAME', `name ${problem}`));
    }
  }

  const permissions: PortsipRolePermissions = {};
  for (const { column, group, key } of PERMISSION_COLUMNS) {
    const cell = record[column];
    if (cell === undefined) {
      continue;
    }
    const granted = parseYesNo(cell);
    if (granted === undefined) {
      problems.push(
        fieldProblem(
          column,
          'INVALID_PERMISSION',
          `${column} must be TRUE or FALSE (also Yes/No, Y/N, 1/0), got '${cell}'`,
        ),
      );
      continue;
    }
    (permissions[group] ??= {})[key] = granted;
  }

  if (problems.length > 0 || name === undefined) {
    return { success: false, problems };
  }
  const payload: PortsipRolePayload = { name };
  if (record.description !== undefined) {
    payload.description = record.description;
  }
  if (Object.keys(permissions).length > 0) {
    payload.permissions = permissions;
  }
  return { success: true, data: payload };
}
