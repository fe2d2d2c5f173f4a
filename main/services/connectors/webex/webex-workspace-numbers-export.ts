import { AppError } from '../../../../shared/errors';
import { WORKSPACE_NUMBER_FIELDS } from '../../../../shared/datasets/webex/workspace-number-fields';
import type { WebexWorkspaceNumbers } from '../../../../shared/plan/webex-workspace-numbers-compare';
import { checkFilters, type ExporterFactory, type ExportTable } from '../exporter';
import { readWorkspaceNumbers } from './webex-client';

/** The export's columns: exactly the import's, in the same order. */
export const WORKSPACE_NUMBERS_EXPORT_HEADERS = WORKSPACE_NUMBER_FIELDS.map((field) => field.key);

const yesNo = (value: boolean | undefined) => (value === true ? 'Yes' : 'No');

/**
 * Rows of one workspace in the import's layout, each with action ADD: pushed back unchanged,
 * every row plans as "unchanged". Entries with neither number nor extension cannot be
 * written as a row the import accepts, so they are left out.
 */
export function workspaceNumbersRows(workspaceId: string, body: WebexWorkspaceNumbers): string[][] {
  const byKey = (entry: NonNullable<WebexWorkspaceNumbers['phoneNumbers']>[number]) => ({
    workspace_id: workspaceId,
    phone_number: entry.phoneNumber ?? '',
    extension: entry.extension ?? '',
    action: 'ADD',
    primary: yesNo(entry.primary),
    ring_pattern: entry.ringPattern ?? '',
    distinctive_ring: yesNo(body.distinctiveRingEnabled),
  });
  return (body.phoneNumbers ?? [])
    .filter((entry) => Boolean(entry.phoneNumber || entry.extension))
    .map((entry) => {
      const cells: Record<string, string> = byKey(entry);
      return WORKSPACE_NUMBERS_EXPORT_HEADERS.map((key) => cells[key] ?? '');
    });
}

/**
 * Webex workspace numbers export: the numbers of each `--workspace-id` given, in order.
 *
 * Webex reads numbers one workspace at a time and batchline does not list every workspace
 * of an org for this, so at least one id is required. A workspace that is not found stops
 * the export with its id: a file silently missing a workspace would be re-imported as is.
 */
export const webexWorkspaceNumbersExporter: ExporterFactory = (connection, options) => {
  checkFilters(options.filters, [], 'The Webex workspace numbers export');
  const workspaceIds = [...new Set(options.workspaceIds ?? [])];
  if (workspaceIds.length === 0) {
    throw new AppError(
      'USAGE',
      'Exporting Webex workspace numbers needs --workspace-id ID (repeatable): Webex reads numbers one workspace at a time.',
    );
  }
  const target = { ...connection, ...(options.orgId ? { orgId: options.orgId } : {}) };
  return {
    sheetName: 'Webex workspace numbers',
    async read(pace): Promise<ExportTable> {
      const rows: string[][] = [];
      for (const workspaceId of workspaceIds) {
        const numbers = await readWorkspaceNumbers(target, workspaceId, pace);
        if (!numbers) {
          const org = options.orgId ? ` in org ${options.orgId}` : '';
          throw new AppError('NOT_FOUND', `Webex workspace ${workspaceId} was not found${org}.`);
        }
        rows.push(...workspaceNumbersRows(workspaceId, numbers));
      }
      return { headers: [...WORKSPACE_NUMBERS_EXPORT_HEADERS], rows };
    },
  };
};
