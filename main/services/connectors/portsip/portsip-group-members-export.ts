import { PORTSIP_MEMBER_FIELDS } from '../../../../shared/datasets/portsip/build-member';
import { AppError } from '../../../../shared/errors';
import { checkFilters, type ExporterFactory, type ExportTable } from '../exporter';
import { listGroups, listMembers } from './portsip-group-directory';
import { listOptionsOf, PORTSIP_LIST_FILTERS } from './portsip-read';

/** The export's columns: exactly the import's (group, extension_number). */
export const PORTSIP_MEMBERS_EXPORT_HEADERS = PORTSIP_MEMBER_FIELDS.map((field) => field.key);

/** The members lists' own filters, and `group` (one group's members, by name). */
export const PORTSIP_GROUP_MEMBER_FILTERS = [...PORTSIP_LIST_FILTERS, 'group'] as const;

/**
 * PortSIP group members export: GET /api/groups, then GET /api/groups/{id}/members for each,
 * one row per member (group name, extension). `filter`, `search` and `orderby` go to each
 * members list, since members are the rows; `group=NAME` (case ignored) exports one group.
 */
export const portsipGroupMembersExporter: ExporterFactory = (connection, options) => {
  const filters = checkFilters(
    options.filters,
    PORTSIP_GROUP_MEMBER_FILTERS,
    'The PortSIP group members list',
  );
  const only = filters.group?.toLowerCase();
  return {
    sheetName: 'PortSIP group members',
    async read(pace): Promise<ExportTable> {
      const groups = (await listGroups(connection, pace)).filter(
        (group) => only === undefined || group.name.toLowerCase() === only,
      );
      if (only !== undefined && groups.length === 0) {
        throw new AppError('NOT_FOUND', `There is no PortSIP user group "${filters.group}".`);
      }
      const rows: string[][] = [];
      for (const group of groups) {
        for (const member of await listMembers(
          connection,
          group.id,
          pace,
          listOptionsOf(filters),
        )) {
          rows.push([group.name, member.extension_number]);
        }
      }
      return { headers: [...PORTSIP_MEMBERS_EXPORT_HEADERS], rows };
    },
  };
};
