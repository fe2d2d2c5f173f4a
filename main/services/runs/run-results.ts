import { join } from 'node:path';
import type { RowResult, RunSummary } from '../../../shared/jobs/run-types';
import { buildResultsTable, failedRowsTable } from '../../../shared/results/results-table';
import type { SourceTable } from '../../../shared/table/source-table';
import { writeCsvFile } from '../files/write-csv-file';
import { RUN_FILES } from './run-files';

/** Where a run's result files were written. */
export interface RunResultFiles {
  resultsPath: string;
  failedPath?: string;
}

/**
 * Writes a run's results sheet (every source row with its outcome) and, when some rows did
 * not go in, the failed-rows sheet that re-imports as is. Both streamed to disk and atomic
 * (temp file, fsync, rename): CSV is the run's canonical form; XLSX is an export.
 * Columns in `hidden` (passwords and PINs) are written with empty cells.
 */
export async function writeRunResults(
  runDir: string,
  table: SourceTable,
  results: readonly RowResult[],
  summary: RunSummary,
  hidden?: ReadonlySet<number>,
): Promise<RunResultFiles> {
  const resultsSheet = buildResultsTable(table, results, hidden);
  const resultsPath = join(runDir, RUN_FILES.results);
  await writeCsvFile(resultsPath, resultsSheet.headers, resultsSheet.rows);
  if (summary.failed + summary.invalid === 0) {
    return { resultsPath };
  }
  const failedSheet = failedRowsTable(table, results, hidden);
  const failedPath = join(runDir, RUN_FILES.failed);
  await writeCsvFile(failedPath, failedSheet.headers, failedSheet.rows);
  return { resultsPath, failedPath };
}
