import { PORTSIP_ROLE_FIELDS } from '../../../../shared/datasets/portsip/role-fields';
import { listedRoleCells } from '../../../../shared/plan/portsip-roles-compare';
import { checkFilters, type ExporterFactory, type ExportTable } from '../exporter';
import { listCustomRoles, readRole } from './portsip-roles.connector';
import { listOptionsOf, PORTSIP_LIST_FILTERS } from './portsip-read';

/** The export's columns: exactly the import's (name, description, every permission). */
export const PORTSIP_ROLES_EXPORT_HEADERS = PORTSIP_ROLE_FIELDS.map((field) => field.key);

/**
 * PortSIP roles export: GET /api/roles (filter, search, orderby as given), then each custom
 * role's permissions (GET /api/roles/{name}), every permission cell TRUE or FALSE. Built-in
 * roles are left out, as the sheet name says: they cannot be imported back (their names are
 * reserved and they cannot be modified).
 */
export const portsipRolesExporter: ExporterFactory = (connection, options) => {
  const filters = checkFilters(options.filters, PORTSIP_LIST_FILTERS, 'The PortSIP roles list');
  return {
    sheetName: 'PortSIP custom roles',
    async read(pace): Promise<ExportTable> {
      const rows: string[][] = [];
      for (const listed of await listCustomRoles(connection, pace, listOptionsOf(filters))) {
        const role = await readRole(connection, listed.name, pace);
        if (!role) {
          // Gone between the list and the read: a file without it says what the PBX holds.
          continue;
        }
        const cells = listedRoleCells(role);
        rows.push(PORTSIP_ROLES_EXPORT_HEADERS.map((key) => cells[key] ?? ''));
      }
      return { headers: [...PORTSIP_ROLES_EXPORT_HEADERS], rows };
    },
  };
};
