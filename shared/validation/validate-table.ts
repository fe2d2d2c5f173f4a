import type { DatasetDef } from '../datasets/dataset';
import type { Mapping } from '../datasets/targets';
import type { ValidationCounts } from '../jobs/run-types';
import type { RowIssue } from '../table/row-issue';
import type { SourceTable } from '../table/source-table';
import { findDuplicates } from './find-duplicates';
import { mappedColumns, type MappedColumn } from './mapped-columns';
import { createRowCheck } from './row-check';

/** One source row after validation; `payload` is there only when the row has no error. */
export interface ValidatedRow<P = unknown> {
  row: number;
  cells: string[];
  payload?: P;
  issues: RowIssue[];
}

/** A validated sheet: every source row once, in order, with the counts and all row issues. */
export interface ValidatedTable<P = unknown> {
  rows: ValidatedRow<P>[];
  counts: ValidationCounts;
  /** Every issue of every row, in row order (the CLI's validate --json `errors`). */
  issues: RowIssue[];
}

/**
 * Validates every row of a table against a dataset, with the given mapping.
 *
 * Per row: the mapped cells, trimmed (empty → absent), go through `recordSchema`; each zod
 * issue becomes a RowIssue on the source column it came from. Reading errors of the row
 * (ragged, broken quotes) make it invalid without running the schema, whose messages would
 * be about misaligned cells. Then cross-row: for each unique field, every repeat of a value
 * after its first row is an error naming that row. A row failing never stops the others.
 *
 * This is the in-memory reference; main/services/pipeline streams and spreads the same
 * checks over worker threads, with the same results.
 */
export function validateTable<P>(
  table: SourceTable,
  dataset: DatasetDef<P>,
  mapping: Mapping,
): ValidatedTable<P> {
  const columns = mappedColumns(table.headers, dataset, mapping);
  const check = createRowCheck(dataset, columns);
  const readIssues = groupByRow(table.issues);
  const rows: ValidatedRow<P>[] = new Array<ValidatedRow<P>>(table.rows.length);

  for (let r = 0; r < table.rows.length; r++) {
    const source = table.rows[r]!;
    // Read once: a streamed table's rows unpack their cells on each read.
    const cells = source.cells;
    // A copy: the row's own issues must not leak into readIssues, which findDuplicates reads
    // to skip unreadable rows (a row with a read warning and a schema error is readable).
    const issues: RowIssue[] = [...(readIssues.get(source.row) ?? [])];
    const validated: ValidatedRow<P> = { row: source.row, cells, issues };
    rows[r] = validated;
    if (issues.some((issue) => issue.severity === 'error')) {
      continue;
    }
    const payload = check(source.row, cells, issues);
    if (payload !== undefined) {
      validated.payload = payload;
    }
  }

  for (const duplicate of findDuplicates(table, dataset.uniqueFields, columns, readIssues)) {
    const target = rows[duplicate.rowIndex]!;
    target.issues.push(duplicate.issue);
    delete target.payload;
  }
  if (dataset.crossRowCheck) {
    applyCrossRowCheck(rows, dataset, columns);
  }
  return summarise(rows);
}

/** Runs the dataset's check across valid rows; every row it names loses its payload. */
function applyCrossRowCheck<P>(
  rows: ValidatedRow<P>[],
  dataset: DatasetDef<P>,
  columns: readonly MappedColumn[],
): void {
  const valid = rows.flatMap((row) =>
    row.payload === undefined ? [] : [{ row: row.row, payload: row.payload }],
  );
  const byRow = new Map(rows.map((row) => [row.row, row]));
  const headerOf = new Map(columns.map((c) => [c.key, c.header]));
  for (const problem of dataset.crossRowCheck?.(valid) ?? []) {
    const target = byRow.get(problem.row);
    if (!target) {
      continue;
    }
    target.issues.push({
      row: problem.row,
      column: headerOf.get(problem.field) ?? null,
      field: problem.field,
      code: problem.code,
      message: problem.message,
      severity: 'error',
    });
    delete target.payload;
  }
}

/** Reading issues by row number, in their order. */
export function groupByRow(issues: readonly RowIssue[]): Map<number, RowIssue[]> {
  const byRow = new Map<number, RowIssue[]>();
  for (const issue of issues) {
    const list = byRow.get(issue.row);
    if (list) {
      list.push(issue);
    } else {
      byRow.set(issue.row, [issue]);
    }
  }
  return byRow;
}

function summarise<P>(rows: ValidatedRow<P>[]): ValidatedTable<P> {
  let valid = 0;
  let warnings = 0;
  const issues: RowIssue[] = [];
  for (const row of rows) {
    if (row.payload !== undefined) {
      valid++;
    }
    if (row.issues.length > 0) {
      if (row.issues.some((issue) => issue.severity === 'warning')) {
        warnings++;
      }
      for (const issue of row.issues) {
        issues.push(issue);
      }
    }
  }
  return {
    rows,
    counts: { total: rows.length, valid, invalid: rows.length - valid, warnings },
    issues,
  };
}
