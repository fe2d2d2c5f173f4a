import { canonicalJson } from '../../../../shared/datasets/portsip/portsip-user-values';
import { USER_FLAG_FIELDS } from '../../../../shared/datasets/portsip/user-field-keys';
import { FORWARD_RULE_FIELDS } from '../../../../shared/datasets/portsip/user-json-columns';
import { PORTSIP_USER_FIELDS } from '../../../../shared/datasets/portsip/user-fields';
import { checkFilters, type ExporterFactory, type ExportTable } from '../exporter';
import { listOptionsOf, PORTSIP_LIST_FILTERS } from './portsip-read';
import {
  listPortsipUsers,
  readPortsipUser,
  type ListedPortsipUser,
} from './portsip-users.connector';

const FLAGS = new Set<string>(USER_FLAG_FIELDS);

/**
 * Columns left empty: secrets no endpoint returns, and the name parts that only build
 * display_name (the PBX keeps the display name itself, which the export writes).
 */
const NOT_EXPORTED = new Set([
  'password',
  'extension_password',
  'voicemail_pin',
  'first_name',
  'last_name',
]);

/** The forward-rule fields a user has, as the forward_rules_json cell; '' for none. */
function forwardRulesCell(user: Readonly<Record<string, unknown>>): string {
  const rules = Object.fromEntries(
    FORWARD_RULE_FIELDS.filter((key) => user[key] !== undefined && user[key] !== null).map(
      (key) => [key, user[key]],
    ),
  );
  return Object.keys(rules).length === 0 ? '' : canonicalJson(rules);
}

/** One export cell: flags as Yes/No, objects as JSON, text as it is. */
function cellOf(user: Readonly<Record<string, unknown>>, key: string): string {
  if (NOT_EXPORTED.has(key)) {
    return '';
  }
  if (key === 'office_hours_json') {
    return user.office_hours ? canonicalJson(user.office_hours) : '';
  }
  if (key === 'forward_rules_json') {
    return forwardRulesCell(user);
  }
  const value = user[key];
  if (FLAGS.has(key) && typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * Users (full settings) as rows in exactly the users import's columns, so the file can be
 * edited and pushed back: a push of it unchanged plans every row as unchanged. Password,
 * extension password and voicemail PIN stay empty because the PBX never returns them; the
 * import treats an empty one as "keep" for a user that exists.
 */
export function portsipUsersExportTable(
  users: readonly Readonly<Record<string, unknown>>[],
): ExportTable {
  const headers = PORTSIP_USER_FIELDS.map((field) => field.key);
  return { headers, rows: users.map((user) => headers.map((key) => cellOf(user, key))) };
}

/**
 * PortSIP users export: GET /api/users with the spec's `filter`, `search` and `orderby`
 * (skip/top paging), then GET /api/users/{id} for each user, since the list leaves out the
 * settings the import sets (recording, DND, voicemail, forward rules…).
 */
export const portsipUsersExporter: ExporterFactory = (connection, options) => {
  const filters = checkFilters(options.filters, PORTSIP_LIST_FILTERS, 'The PortSIP users list');
  return {
    sheetName: 'PortSIP users',
    async read(pace) {
      const users: Record<string, unknown>[] = [];
      for (const listed of await listPortsipUsers(connection, pace, listOptionsOf(filters))) {
        // A user deleted between the list and the read is left out, as it is gone.
        const full: ListedPortsipUser | undefined = await readPortsipUser(
          connection,
          listed.id,
          pace,
        );
        if (full) {
          users.push({ ...listed, ...full });
        }
      }
      return portsipUsersExportTable(users);
    },
  };
};
