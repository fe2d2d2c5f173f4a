import type { ProblemView, ValidatedRowView } from '../../../../shared/ipc/contract';
import type { RowIssue } from '../../../../shared/table/row-issue';

/** One line of the problem list: a cell or row issue with where it is (main's order). */
export type ProblemItem = ProblemView;

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
