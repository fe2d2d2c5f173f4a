import type { DatasetDef } from './dataset';
import type { RecordParser } from '../validation/record-parser';
import {
  buildPortsipMember,
  memberIdentity,
  PORTSIP_MEMBER_FIELDS,
  type PortsipMemberPayload,
} from './portsip/build-member';
import { parserSchema } from '../validation/record-parser';

export type { PortsipMemberPayload } from './portsip/build-member';

/**
 * PortSIP PBX group members: POST /api/groups/{id}/members/{extension_number}, one member a
 * call. One row per membership: the group's name (admins know names, not ids; the adapter
 * resolves it) and the member's extension. An extension appears once per group in the
 * sheet. Whether the group and the extension exist is checked against the PBX while
 * planning, before anything is written.
 */
export function createPortsipGroupMembersDataset(): DatasetDef<PortsipMemberPayload> &
  RecordParser<PortsipMemberPayload> {
  return {
    target: 'portsip',
    kind: 'group-members',
    title: 'PortSIP group members',
    fields: PORTSIP_MEMBER_FIELDS,
    batchSize: 1,
    recordSchema: parserSchema(buildPortsipMember),
    parseRecord: buildPortsipMember,
    uniqueFields: [
      {
        key: 'extension_number',
        normalise: (value) => value,
        scope: 'group',
        describe: (value) => `Extension ${value} is already in the sheet for this group`,
      },
    ],
    identityOf: (payload) => memberIdentity(payload.group, payload.extension_number),
  };
}
