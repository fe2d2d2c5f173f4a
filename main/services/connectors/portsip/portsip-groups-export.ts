import {
  CALLER_ID_SLOTS,
  callerIdColumns,
  MAX_CALLER_IDS,
  PORTSIP_GROUP_FIELDS,
} from '../../../../shared/datasets/portsip/group-fields';
import { AppError } from '../../../../shared/errors';
import type { ListedPortsipGroup } from '../../../../shared/plan/portsip-groups-compare';
import { checkFilters, type ExporterFactory, type ExportTable } from '../exporter';
import { listGroups, readGroup } from './portsip-group-directory';
import { listOptionsOf, PORTSIP_LIST_FILTERS } from './portsip-read';

/** The export's columns: exactly the import's. */
export const PORTSIP_GROUPS_EXPORT_HEADERS = PORTSIP_GROUP_FIELDS.map((field) => field.key);

/**
 * One group as a row of the import's layout. A group with more caller IDs than the sheet has
 * slots stops the export: pushed back, the shorter list would replace the group's.
 */
export function groupRow(group: ListedPortsipGroup): string[] {
  const callerIds = group.outbound_caller_ids ?? [];
  if (callerIds.length > MAX_CALLER_IDS) {
    throw new AppError(
      'REMOTE_REJECTED',
      `PortSIP group "${group.name}" has ${callerIds.length} outbound caller IDs; a groups sheet holds at most ${MAX_CALLER_IDS}, so exporting it would lose some. Narrow the export with --filter filter="name ne '${group.name}'".`,
    );
  }
  const cells: Record<string, string> = {
    name: group.name,
    description: group.description ?? '',
  };
  for (const n of CALLER_ID_SLOTS) {
    const entry = callerIds[n - 1];
    const columns = callerIdColumns(n);
    cells[columns.callerId] = entry?.caller_id ?? '';
    cells[columns.providerId] = entry?.provider_id ?? '';
    cells[columns.description] = entry?.description ?? '';
  }
  return PORTSIP_GROUPS_EXPORT_HEADERS.map((key) => cells[key] ?? '');
}

/**
 * PortSIP user groups export: GET /api/groups (filter, search, orderby as given), then each
 * group's caller IDs (GET /api/groups/{id}), in the groups import's layout.
 */
export const portsipGroupsExporter: ExporterFactory = (connection, options) => {
  const filters = checkFilters(options.filters, PORTSIP_LIST_FILTERS, 'The PortSIP groups list');
  return {
    sheetName: 'PortSIP user groups',
    async read(pace): Promise<ExportTable> {
      const rows: string[][] = [];
      for (const listed of await listGroups(connection, pace, listOptionsOf(filters))) {
        const group = await readGroup(connection, listed.id, pace);
        if (group) {
          rows.push(groupRow(group));
        }
      }
      return { headers: [...PORTSIP_GROUPS_EXPORT_HEADERS], rows };
    },
  };
};
