import type { FieldDef, FieldWarning, MappedRecord } from '../dataset';
import type { RecordParse } from '../../validation/record-parser';
import { checkExtensionNumber } from './portsip-rules';
import { fieldProblem } from './portsip-record-schema';

/** One row of a group members sheet: the group by name, the member by extension number. */
export interface PortsipMemberPayload {
  /** The group's name as the sheet spells it; the adapter resolves it to the group's id. */
  group: string;
  extension_number: string;
}

/**
 * The natural key of a membership: the group's lowercased name and the extension. Extensions
 * are digits only, so the last ':' always separates the two.
 */
export function memberIdentity(group: string, extension: string): string {
  return `${group.toLowerCase()}:${extension}`;
}

/** The columns of a PortSIP group members sheet (POST /api/groups/{id}/members/{extension_number}). */
export const PORTSIP_MEMBER_FIELDS: readonly FieldDef[] = [
  {
    key: 'group',
    label: 'Group name',
    required: true,
    description:
      'The name of an existing user group (case ignored); create groups with the groups dataset first.',
    example: 'Sales',
    synonyms: ['Group', 'Group Name', 'User Group', 'Team', 'Team Name'],
  },
  {
    key: 'extension_number',
    label: 'Extension',
    required: true,
    description:
      "The member's extension number: 3 to 64 digits, leading zeros kept; a user with it must exist on the PBX. Once per group in the sheet.",
    example: '1001',
    synonyms: ['Extension', 'Ext', 'Ext.', 'Extension Number', 'Member Extension', 'Member'],
  },
];

/** Builds the membership of one mapped record, or says which cell is missing or malformed. */
export function buildPortsipMember(record: MappedRecord): RecordParse<PortsipMemberPayload> {
  const problems: FieldWarning[] = [];
  const group = record.group;
  if (group === undefined) {
    problems.push(fieldProblem('group', 'REQUIRED', 'group is required: the name of a user group'));
  }
  const extension = record.extension_number;
  if (extension === undefined) {
    problems.push(fieldProblem('extension_number', 'REQUIRED', 'extension_number is required'));
  } else {
    const problem = checkExtensionNumber(extension);
    if (problem) {
      problems.push(
        fieldProblem(
          'extension_number',
          'INVALID_EXTENSION',
          `extension_number ${problem} (nothing else), got '${extension}'`,
        ),
      );
    }
  }
  if (problems.length > 0 || group === undefined || extension === undefined) {
    return { success: false, problems };
  }
  return { success: true, data: { group, extension_number: extension } };
}
