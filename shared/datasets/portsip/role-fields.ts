import type { FieldDef } from '../dataset';
import { PORTSIP_PERMISSIONS, type PortsipPermissionGroup } from './portsip-rules';

/** One permission column: `<group>.<key>`, exactly as the role's `permissions` object nests them. */
export interface PermissionColumn {
  column: string;
  group: PortsipPermissionGroup;
  key: string;
}

/** Every permission column, in the spec's order (groups, then their keys). */
export const PERMISSION_COLUMNS: readonly PermissionColumn[] = Object.entries(
  PORTSIP_PERMISSIONS,
).flatMap(([group, keys]) =>
  keys.map((key) => ({
    column: `${group}.${key}`,
    group: group as PortsipPermissionGroup,
    key,
  })),
);

/** How exports and templates write a granted permission; imports also take Yes, Y and 1. */
export const GRANTED = 'TRUE';
/** How exports and templates write a permission not granted; imports also take No, N and 0. */
export const DENIED = 'FALSE';

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const words = (text: string) => text.replaceAll('_', ' ');

/**
 * The columns of a PortSIP roles sheet (POST /api/roles), in template order: name,
 * description, then one column per permission.
 *
 * A permission cell holds TRUE or FALSE (also Yes/No, Y/N, 1/0, any case). An empty cell
 * means "not set": the permission is left out of the request, so a new role gets the PBX's
 * default (not granted) and an existing role keeps what it has. Exports fill every cell, so
 * an exported sheet states the whole role.
 */
export const PORTSIP_ROLE_FIELDS: readonly FieldDef[] = [
  {
    key: 'name',
    label: 'Role name',
    required: true,
    description:
      'The custom role name; unique with case ignored. Built-in role names (SystemAdmin, Replicator, Dealer, Admin, StandardUser, StandardInternationalUser, QueueManager) are reserved.',
    example: 'Front Desk',
    synonyms: ['Role', 'Role Name', 'Custom Role', 'Role Title'],
  },
  {
    key: 'description',
    label: 'Description',
    required: false,
    description: "The role's description; empty leaves an existing role's description as it is.",
    example: 'Reception staff: voicemail and internal calls',
    synonyms: ['Role Description', 'Notes', 'Comment'],
  },
  ...PERMISSION_COLUMNS.map(({ column, group, key }): FieldDef => ({
    key: column,
    label: `${sentence(words(group))}: ${words(key)}`,
    required: false,
    description: `Permission ${key} of group ${group}: TRUE or FALSE (also Yes/No, 1/0). Empty = not set: not granted on a new role, unchanged on an existing one.`,
    example: column === 'general.voicemail_view_only' ? GRANTED : DENIED,
    synonyms: [],
    choices: [GRANTED, DENIED],
  })),
];
