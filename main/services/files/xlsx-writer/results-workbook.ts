import type { PlainTable } from '../../../../shared/results/results-table';
import { summaryTable, type ResultsSummary } from '../../../../shared/results/results-summary';
import type { XlsxSheetSpec } from './xlsx-sheet';

/** Sheet names of the workbooks batchline writes. */
export const SHEET_NAMES = {
  results: 'Results',
  summary: 'Summary',
  failed: 'Failed rows',
} as const;

/** A plain table as it travels to the writer: headers and any iterable of rows. */
export interface StreamedTable {
  headers: readonly string[];
  rows: Iterable<readonly string[]>;
}

/**
 * The sheets of an XLSX results file: "Results" (source columns, then result_status coloured
 * by status, result_id, result_message, source_row) and, when the run is known, "Summary".
 *
 * Results comes first so the file re-imports like the CSV: readers take the first sheet.
 */
export function resultsSheets(table: StreamedTable, summary?: ResultsSummary): XlsxSheetSpec[] {
  const statusColumn = table.headers.indexOf('result_status');
  const sheets: XlsxSheetSpec[] = [
    {
      name: SHEET_NAMES.results,
      headers: table.headers,
      rows: table.rows,
      ...(statusColumn >= 0 ? { statusColumn } : {}),
    },
  ];
  if (summary) {
    const facts: PlainTable = summaryTable(summary);
    sheets.push({ name: SHEET_NAMES.summary, headers: facts.headers, rows: facts.rows });
  }
  return sheets;
}

/**
 * The sheet of an XLSX failed-rows file: the source columns and result_message, alone, so it
 * goes back into an import as it is once fixed.
 */
export function failedRowsSheets(table: StreamedTable): XlsxSheetSpec[] {
  return [{ name: SHEET_NAMES.failed, headers: table.headers, rows: table.rows }];
}

/** One sheet holding a table (exports, problem reports). */
export function tableSheets(table: StreamedTable, name = 'Sheet1'): XlsxSheetSpec[] {
  return [{ name: safeSheetName(name), headers: table.headers, rows: table.rows }];
}

/**
 * A name Excel accepts for a sheet: none of : \ / ? * [ ], not blank, at most 31 characters.
 */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === '' ? 'Sheet1' : cleaned;
}
