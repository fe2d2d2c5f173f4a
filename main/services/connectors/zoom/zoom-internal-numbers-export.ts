import { AppError } from '../../../../shared/errors';
import { ZOOM_INTERNAL_NUMBER_FIELDS } from '../../../../shared/datasets/zoom/internal-number-fields';
import { numberTypeLabel } from '../../../../shared/datasets/zoom/internal-number-values';
import type { ListedInternalNumber } from '../../../../shared/plan/zoom-internal-numbers-compare';
import { checkFilters, type ExporterFactory, type ExportTable } from '../exporter';
import { DEFAULT_ZOOM_ACCOUNT, listAllInternalNumbers } from './zoom-internal-numbers-client';

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'Yes' : 'No');

/**
 * Turns listed internal numbers into rows of exactly the import's columns. account_id is the
 * account read, so the file goes back to that account whatever --account-id a later push
 * gives; type is written as its label (Toll, Toll-free), as the template's dropdown offers.
 */
export function internalNumbersExportTable(
  numbers: readonly ListedInternalNumber[],
  accountId: string,
): ExportTable {
  const cell: Record<string, (entry: ListedInternalNumber) => string> = {
    number: (entry) => entry.number,
    display_number: (entry) => entry.display_number ?? '',
    labels: (entry) => entry.labels ?? '',
    type: (entry) => (entry.type === undefined ? '' : numberTypeLabel(entry.type)),
    country: (entry) => entry.country ?? '',
    languages: (entry) => entry.languages ?? '',
    visible: (entry) => yesNo(entry.visible),
    allow_join: (entry) => yesNo(entry.allow_join),
    allow_for_external_meetings: (entry) => yesNo(entry.allow_for_external_meetings),
    account_id: () => accountId,
  };
  const headers = ZOOM_INTERNAL_NUMBER_FIELDS.map((field) => field.key);
  return {
    headers,
    rows: numbers.map((entry) => headers.map((key) => cell[key]?.(entry) ?? '')),
  };
}

/**
 * Zoom internal numbers export: every number of `--account-id` (default `me`), paged. The
 * list API takes no filters, so any --filter is refused by name.
 */
export const zoomInternalNumbersExporter: ExporterFactory = (connection, options) => {
  checkFilters(options.filters, [], 'The Zoom internal numbers list');
  const accountId = options.accountId ?? DEFAULT_ZOOM_ACCOUNT;
  return {
    sheetName: 'Zoom internal numbers',
    read: async (pace) => {
      const numbers = await listAllInternalNumbers(connection, accountId, pace);
      if (numbers === undefined) {
        throw new AppError(
          'NOT_FOUND',
          `Zoom has no account "${accountId}": use --account-id me or a sub account ID of this master account.`,
        );
      }
      return internalNumbersExportTable(numbers, accountId);
    },
  };
};
