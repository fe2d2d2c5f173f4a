import type { DatasetDef } from './dataset';
import type { RecordParser } from '../validation/record-parser';
import { buildPortsipRole, type PortsipRolePayload } from './portsip/build-role';
import { parserSchema } from '../validation/record-parser';
import { PORTSIP_ROLE_FIELDS } from './portsip/role-fields';

export type { PortsipRolePayload } from './portsip/build-role';

/**
 * PortSIP PBX custom roles: POST /api/roles creates, POST /api/roles/{name} updates, one role
 * a call. One row per role: name, description and one TRUE/FALSE column per permission
 * (`user_management.users`…; see role-fields.ts for what an empty cell means). Built-in role
 * names are refused on the name column. A name appears once in the sheet, case ignored.
 */
export function createPortsipRolesDataset(): DatasetDef<PortsipRolePayload> &
  RecordParser<PortsipRolePayload> {
  return {
    target: 'portsip',
    kind: 'roles',
    title: 'PortSIP roles',
    fields: PORTSIP_ROLE_FIELDS,
    batchSize: 1,
    recordSchema: parserSchema(buildPortsipRole),
    parseRecord: buildPortsipRole,
    uniqueFields: [
      {
        key: 'name',
        normalise: (value) => value.toLowerCase(),
        describe: (value) => `Role ${value} is already in the sheet (case ignored)`,
      },
    ],
    identityOf: (payload) => payload.name.toLowerCase(),
  };
}
