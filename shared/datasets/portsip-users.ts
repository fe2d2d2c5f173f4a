import type { DatasetDef } from './dataset';
import type { DatasetOptions } from './zoom-users';
import { parserOf, parserSchema, type RecordParser } from '../validation/record-parser';
import { buildPortsipUser, type PortsipUserPayload } from './portsip/build-portsip-user';
import { PORTSIP_USER_FIELDS } from './portsip/user-fields';

export type { PortsipUserPayload } from './portsip/build-portsip-user';

/**
 * PortSIP PBX users: POST /api/users creates, POST /api/users/{id} updates (the row's
 * extension finds the user), POST /api/users/{id}/role changes the role; one user a call.
 *
 * Unique in the sheet: the extension (as text, as the PBX keeps it) and the user name (case
 * ignored, as the PBX compares names). Email is not: the spec does not make it unique, and
 * shared mailboxes are common on phone systems.
 */
export function createPortsipUsersDataset(
  _opts: DatasetOptions = {},
): DatasetDef<PortsipUserPayload> & RecordParser<PortsipUserPayload> {
  const parseRecord = parserOf(buildPortsipUser);
  const recordSchema = parserSchema(parseRecord);

  return {
    target: 'portsip',
    kind: 'users',
    title: 'PortSIP PBX users',
    fields: PORTSIP_USER_FIELDS,
    batchSize: 1,
    recordSchema,
    parseRecord,
    uniqueFields: [
      { key: 'extension_number', normalise: (value) => value },
      {
        key: 'name',
        normalise: (value) => value.toLowerCase(),
        describe: (value) => `User name ${value} is already in the sheet (names ignore case)`,
      },
    ],
    identityOf: (payload) => payload.extension_number,
    warningsOf: (record) =>
      record.display_name !== undefined &&
      (record.first_name !== undefined || record.last_name !== undefined)
        ? [
            {
              field: record.first_name !== undefined ? 'first_name' : 'last_name',
              code: 'NAME_PARTS_IGNORED',
              message: `first_name and last_name are ignored because display_name '${record.display_name}' is given`,
            },
          ]
        : [],
  };
}
