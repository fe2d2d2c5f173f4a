import type { DatasetDef } from './dataset';
import type { RecordParser } from '../validation/record-parser';
import { buildPortsipGroup, type PortsipGroupPayload } from './portsip/build-group';
import { PORTSIP_GROUP_FIELDS } from './portsip/group-fields';
import { parserSchema } from '../validation/record-parser';

export type { PortsipCallerId, PortsipGroupPayload } from './portsip/build-group';

/**
 * PortSIP PBX user groups: POST /api/groups creates, POST /api/groups/{id} updates (the id
 * comes from the plan's reading of the PBX), one group a call. One row per group: name,
 * description and up to five outbound caller IDs in numbered columns (group-fields.ts). A
 * group is known by its name, case ignored; a name appears once in the sheet.
 */
export function createPortsipGroupsDataset(): DatasetDef<PortsipGroupPayload> &
  RecordParser<PortsipGroupPayload> {
  return {
    target: 'portsip',
    kind: 'groups',
    title: 'PortSIP user groups',
    fields: PORTSIP_GROUP_FIELDS,
    batchSize: 1,
    recordSchema: parserSchema(buildPortsipGroup),
    parseRecord: buildPortsipGroup,
    uniqueFields: [
      {
        key: 'name',
        normalise: (value) => value.toLowerCase(),
        describe: (value) => `Group ${value} is already in the sheet (case ignored)`,
      },
    ],
    identityOf: (payload) => payload.name.toLowerCase(),
  };
}
