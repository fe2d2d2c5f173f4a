import type { ResultStatus, RowResult } from '../jobs/run-types';
import type { SourceTable } from '../table/source-table';
import type { ValidatedRow } from '../validation/validate-table';

/** The columns batchline appends to a results sheet, in order. */
export const RESULT_COLUMNS = [
  'result_status',
  'result_id',
  'result_message',
  'source_row',
] as const;

/** A sheet ready to write as CSV or XLSX. */
export interface PlainTable {
  headers: string[];
  rows: string[][];
}

/** How many rows ended in each status, and in all. */
export type ResultCounts = Record<ResultStatus, number> & { total: number };

const NO_RESULT = 'No result was recorded for this row; it was not sent';

/**
 * The source sheet with each row's outcome: source columns, then result_status, result_id,
 * result_message and source_row.
 *
 * Every source row appears once, in source order; a row with no result is reported as
 * skipped, so created + updated + skipped + failed + invalid always equals the data rows.
 * When several results name a row, the last one counts. Result columns already in the source
 * (a results file imported again) are replaced, not repeated. Columns in `hidden` (passwords
 * and PINs, see secretColumns) keep their header but every cell is empty.
 */
export function buildResultsTable(
  table: SourceTable,
  results: readonly RowResult[],
  hidden?: ReadonlySet<number>,
): PlainTable {
  const keep = sourceColumns(table.headers);
  const byRow = lastResultByRow(results);
  const rows = table.rows.map((source) => {
    const result = byRow.get(source.row);
    const cells = keep.map((i) => cellOf(source.cells, i, hidden));
    cells.push(
      result?.status ?? 'skipped',
      result?.id ?? '',
      result?.message ?? NO_RESULT,
      String(source.row),
    );
    return cells;
  });
  return { headers: [...keep.map((i) => table.headers[i] ?? ''), ...RESULT_COLUMNS], rows };
}

/**
 * The rows to fix and import again: those failed or invalid, source columns plus
 * result_message.
 *
 * Import ignores the result_message column (no field is called that), so the file goes
 * back in as is once fixed. Columns in `hidden` are emptied as in buildResultsTable, so a
 * failed create of a PortSIP user comes back without its password (a conflict until typed again).
 */
export function failedRowsTable(
  table: SourceTable,
  results: readonly RowResult[],
  hidden?: ReadonlySet<number>,
): PlainTable {
  const keep = sourceColumns(table.headers);
  const byRow = lastResultByRow(results);
  const rows: string[][] = [];
  for (const source of table.rows) {
    const result = byRow.get(source.row);
    if (result?.status === 'failed' || result?.status === 'invalid') {
      rows.push([...keep.map((i) => cellOf(source.cells, i, hidden)), result.message]);
    }
  }
  return { headers: [...keep.map((i) => table.headers[i] ?? ''), 'result_message'], rows };
}

/**
 * Counts results by status.
 *
 * Each row counts once (its last result), matching what the results sheet shows.
 */
export function summariseResults(results: readonly RowResult[]): ResultCounts {
  const counts: ResultCounts = {
    total: 0,
    created: 0,
    updated: 0,
    skipped: 0,
    failed: 0,
    invalid: 0,
  };
  for (const result of lastResultByRow(results).values()) {
    counts[result.status]++;
    counts.total++;
  }
  return counts;
}

/**
 * The 'invalid' results of the rows validation refused, each with its errors as the message.
 *
 * Messages read "Work Email: email must be a valid email address, got 'x'; Ext: …".
 */
export function invalidRowResults(rows: readonly ValidatedRow[]): RowResult[] {
  const results: RowResult[] = [];
  for (const row of rows) {
    if (row.payload === undefined) {
      const message = row.issues
        .filter((issue) => issue.severity === 'error')
        .map((issue) => (issue.column ? `${issue.column}: ${issue.message}` : issue.message))
        .join('; ');
      results.push({ row: row.row, status: 'invalid', message: message || 'The row is invalid' });
    }
  }
  return results;
}

function cellOf(cells: readonly string[], i: number, hidden?: ReadonlySet<number>): string {
  return hidden?.has(i) ? '' : (cells[i] ?? '');
}

function sourceColumns(headers: readonly string[]): number[] {
  const ours = new Set<string>(RESULT_COLUMNS);
  const keep: number[] = [];
  headers.forEach((header, i) => {
    if (!ours.has(header.trim().toLowerCase())) {
      keep.push(i);
    }
  });
  return keep;
}

function lastResultByRow(results: readonly RowResult[]): Map<number, RowResult> {
  const byRow = new Map<number, RowResult>();
  for (const result of results) {
    byRow.set(result.row, result);
  }
  return byRow;
}
