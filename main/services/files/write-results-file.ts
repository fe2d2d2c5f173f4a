import type { RowResult } from '../../../shared/jobs/run-types';
import type { ResultsSummary } from '../../../shared/results/results-summary';
import { buildResultsTable } from '../../../shared/results/results-table';
import type { SourceTable } from '../../../shared/table/source-table';
import { tableFormatOf } from './write-table-file';
import { writeCsvFile } from './write-csv-file';
import { writeXlsxFile } from './write-xlsx-file';
import {
  failedRowsSheets,
  resultsSheets,
  type StreamedTable,
} from './xlsx-writer/results-workbook';

/**
 * Writes a results sheet by the file's extension: CSV (the run folder's canonical form), or
 * XLSX with the status column coloured and, given the run's summary, a "Summary" sheet.
 * Streamed and atomic either way.
 */
export async function writeResultsFile(
  path: string,
  table: StreamedTable,
  summary?: ResultsSummary,
): Promise<void> {
  if (tableFormatOf(path) === 'csv') {
    await writeCsvFile(path, table.headers, table.rows);
    return;
  }
  await writeXlsxFile(path, resultsSheets(table, summary));
}

/**
 * Writes the failed rows (source columns and result_message) by the file's extension, in a
 * form an import reads back as it is.
 */
export async function writeFailedRowsFile(path: string, table: StreamedTable): Promise<void> {
  if (tableFormatOf(path) === 'csv') {
    await writeCsvFile(path, table.headers, table.rows);
    return;
  }
  await writeXlsxFile(path, failedRowsSheets(table));
}

/** What a run's `--report FILE` holds: the source sheet, its results and the run's facts. */
export interface RunReport {
  table: SourceTable;
  results: readonly RowResult[];
  summary: ResultsSummary;
  /** Source columns holding passwords or PINs (RunOutcome.hidden): written empty. */
  hidden?: ReadonlySet<number>;
}

/**
 * Writes a run's `--report FILE`: the results sheet (source columns and the four result
 * columns) as CSV, or as XLSX with the status colours and the "Summary" sheet.
 */
export async function writeRunReport(path: string, report: RunReport): Promise<void> {
  await writeResultsFile(
    path,
    buildResultsTable(report.table, report.results, report.hidden),
    report.summary,
  );
}
