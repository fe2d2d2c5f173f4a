import type { ValidatedRowView } from '../../../../shared/ipc/contract';
import type { RowIssue } from '../../../../shared/table/row-issue';

/** One line of the problem list: a cell or row issue with where it is. */
export interface ProblemItem {
  key: string;
  row: number;
  column: string | null;
  message: string;
  severity: RowIssue['severity'];
}

/** Every issue of every row, in row order, errors before warnings within a row. */
export function flattenProblems(rows: readonly ValidatedRowView[]): ProblemItem[] {
  const items: ProblemItem[] = [];
  for (const row of rows) {
    if (row.issues.length === 0) {
      continue;
    }
    const ordered = [...row.issues].sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
    );
    ordered.forEach((issue, index) => {
      items.push({
        key: `${row.row}:${index}`,
        row: row.row,
        column: issue.column,
        message: issue.message,
        severity: issue.severity,
      });
    });
  }
  return items;
}

/** "Row 7 · Work Email" — where a problem is, as the list and tooltips say it. */
export function problemLocation(problem: Pick<ProblemItem, 'row' | 'column'>): string {
  return problem.column ? `Row ${problem.row} · ${problem.column}` : `Row ${problem.row}`;
}

/** The worst severity among issues, or undefined when there are none. */
export function worstSeverity(issues: readonly RowIssue[]): RowIssue['severity'] | undefined {
  if (issues.length === 0) {
    return undefined;
  }
  return issues.some((issue) => issue.severity === 'error') ? 'error' : 'warning';
}

/** The issues of one row that point at one source column. */
export function issuesForColumn(row: ValidatedRowView, header: string): RowIssue[] {
  return row.issues.length === 0 ? [] : row.issues.filter((issue) => issue.column === header);
}

/** Rows looked at to size a column; enough to be representative, few enough to be instant. */
const WIDTH_SAMPLE_ROWS = 300;

/**
 * A width per source column that fits its header and typical values, between 90 and 320 px,
 * so an email column is wide and an extension column narrow.
 */
export function columnWidths(
  headers: readonly string[],
  rows: readonly ValidatedRowView[],
): number[] {
  // Spread over the whole file: values often grow towards the end (user1 … user99999).
  const step = Math.max(1, Math.ceil(rows.length / WIDTH_SAMPLE_ROWS));
  const sample: ValidatedRowView[] = [];
  for (let i = 0; i < rows.length; i += step) {
    sample.push(rows[i] as ValidatedRowView);
  }
  const last = rows[rows.length - 1];
  if (last) {
    sample.push(last);
  }
  return headers.map((header, index) => {
    let longest = header.length + 2;
    for (const row of sample) {
      longest = Math.max(longest, (row.cells[index] ?? '').length);
    }
    return Math.min(320, Math.max(90, Math.round(longest * 7.2) + 24));
  });
}

/** Index of the row with source row number `row` in a list sorted by row number, or -1. */
export function indexOfRow(rows: readonly ValidatedRowView[], row: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = (rows[middle] as ValidatedRowView).row;
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
