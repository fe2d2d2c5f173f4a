import { maskEdits, maskSecrets } from '../../shared/datasets/secret-columns';
import type { ProblemView, RowFilter, ValidatedRowView } from '../../shared/ipc/contract';
import type { ValidationCounts } from '../../shared/jobs/run-types';
import type { RowIssue } from '../../shared/table/row-issue';
import type { SourceTable } from '../../shared/table/source-table';

/** A validation as main keeps it for review: counts, and each row's issues by row index. */
export interface RowsValidation {
  counts: ValidationCounts;
  /** Issues by index in `table.rows`; rows without issues are absent. */
  rowIssues: ReadonlyMap<number, readonly RowIssue[]>;
  /** Columns holding passwords or PINs (secretColumns): rows() sends them masked. */
  secretColumns?: ReadonlySet<number>;
}

const NO_ISSUES: readonly RowIssue[] = Object.freeze([]);

/** The admin's edits of the table, by row index (main/app/table-edits.ts). */
export interface RowEdits {
  editsOf(index: number): { column: number; from: string }[] | undefined;
}

/** Errors before warnings, each in its own order (what the problem list shows). */
function errorsFirst(issues: readonly RowIssue[]): readonly RowIssue[] {
  if (
    issues.every(
      (issue, i) => i === 0 || issue.severity !== 'error' || issues[i - 1]!.severity === 'error',
    )
  ) {
    return issues;
  }
  return [
    ...issues.filter((issue) => issue.severity === 'error'),
    ...issues.filter((issue) => issue.severity !== 'error'),
  ];
}

/**
 * One validated table, indexed so the review screen can page through it: a page of rows, a
 * page of problems or a row's position each cost O(page + log rows), however big the file.
 * Built once per validation in O(rows with issues); holds no copy of the cells.
 */
export class ReviewIndex {
  /** Indexes (into table.rows) of the rows with at least one issue, ascending. */
  readonly problemRows: Int32Array;
  /** How many issues come before each problem row; one more entry for the total. */
  private readonly issueStarts: Float64Array;
  readonly errorCount: number;

  constructor(
    readonly table: SourceTable,
    readonly validation: RowsValidation,
    private readonly edits?: RowEdits,
  ) {
    const rows = new Int32Array(validation.rowIssues.size);
    let n = 0;
    for (const [index, issues] of validation.rowIssues) {
      if (issues.length > 0) {
        rows[n++] = index;
      }
    }
    this.problemRows = rows.subarray(0, n).sort();
    this.issueStarts = new Float64Array(n + 1);
    let errors = 0;
    for (let k = 0; k < n; k++) {
      const issues = validation.rowIssues.get(this.problemRows[k]!)!;
      this.issueStarts[k + 1] = this.issueStarts[k]! + issues.length;
      for (const issue of issues) {
        if (issue.severity === 'error') {
          errors++;
        }
      }
    }
    this.errorCount = errors;
  }

  get rowCount(): number {
    return this.table.rows.length;
  }

  /** Every issue of every row. */
  get problemCount(): number {
    return this.issueStarts[this.issueStarts.length - 1]!;
  }

  /** The largest source row number (rows are in file order), 0 for no rows. */
  get lastRow(): number {
    return this.table.rows[this.table.rows.length - 1]?.row ?? 0;
  }

  /** Up to `limit` rows from `offset`, counting all rows or only the problem rows. */
  rows(
    offset: number,
    limit: number,
    only: RowFilter,
  ): { total: number; rows: ValidatedRowView[] } {
    const total = only === 'all' ? this.rowCount : this.problemRows.length;
    const rows: ValidatedRowView[] = [];
    const hidden = this.validation.secretColumns;
    for (let i = offset; i < Math.min(total, offset + limit); i++) {
      const index = only === 'all' ? i : this.problemRows[i]!;
      const source = this.table.rows[index]!;
      const edited = this.edits?.editsOf(index);
      rows.push({
        row: source.row,
        // A copy (a streamed table's rows share one array), with passwords and PINs masked.
        cells: maskSecrets(source.cells, hidden),
        issues: [...(this.validation.rowIssues.get(index) ?? NO_ISSUES)],
        ...(edited ? { edited: maskEdits(edited, hidden) } : {}),
      });
    }
    return { total, rows };
  }

  /** Up to `limit` issues from `offset`, in row order, errors before warnings in a row. */
  problems(offset: number, limit: number): { total: number; items: ProblemView[] } {
    const total = this.problemCount;
    const items: ProblemView[] = [];
    if (offset >= total) {
      return { total, items };
    }
    // The problem row holding issue number `offset`: the last start at or before it.
    let low = 0;
    let high = this.problemRows.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.issueStarts[middle]! <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    let skip = offset - this.issueStarts[low]!;
    for (let k = low; k < this.problemRows.length && items.length < limit; k++) {
      const issues = errorsFirst(this.validation.rowIssues.get(this.problemRows[k]!)!);
      const row = this.table.rows[this.problemRows[k]!]!.row;
      for (let j = skip; j < issues.length && items.length < limit; j++) {
        const issue = issues[j]!;
        items.push({ row, column: issue.column, message: issue.message, severity: issue.severity });
      }
      skip = 0;
    }
    return { total, items };
  }

  /** Where source row number `row` is among all rows or the problem rows, or -1. */
  locate(row: number, only: RowFilter): number {
    const { rows } = this.table;
    const count = only === 'all' ? rows.length : this.problemRows.length;
    const rowAt = (i: number) => rows[only === 'all' ? i : this.problemRows[i]!]!.row;
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = rowAt(middle);
      if (value === row) {
        return middle;
      }
      if (value < row) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return -1;
  }
}
