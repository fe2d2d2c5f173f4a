import type { ValidationCounts } from '../jobs/run-types';
import type { RowIssue } from '../table/row-issue';
import type { SourceTable } from '../table/source-table';
import type { DuplicateIndex, RowKey } from './duplicate-index';
import type { RowCheck } from './row-check';

/** A validation's counts and each row's issues by row index (main's RowsValidation). */
export interface CheckedRows {
  counts: ValidationCounts;
  /** Issues by index in `table.rows`; rows without issues are absent. */
  rowIssues: ReadonlyMap<number, readonly RowIssue[]>;
}

/**
 * What re-checking a few rows needs besides the last validation, made once per full one.
 * Only for datasets without a crossRowCheck: its problems may move anywhere on an edit.
 */
export interface RevalidationState {
  table: SourceTable;
  check: RowCheck<unknown>;
  /** Reading issues by row number; edits do not change them. */
  readIssues: ReadonlyMap<number, readonly RowIssue[]>;
  /** Every readable row's unique values, as the rows are now. */
  duplicates: DuplicateIndex;
  /** How many duplicate errors end each row's issues (rows without are absent). */
  duplicateCounts: Map<number, number>;
}

interface EditedRow {
  cells: readonly string[];
  before: RowKey[];
  after: RowKey[];
}

const isError = (issue: RowIssue) => issue.severity === 'error';
const isWarning = (issue: RowIssue) => issue.severity === 'warning';

/**
 * The validation after the rows in `oldCells` (row index → cells before the edit) changed,
 * equal to validating the whole table again: each row's issues are its reading issues, its
 * row check's, then its duplicate errors, as in validateTable. Only edited rows are checked
 * again; a row not edited can only gain or lose duplicate errors, and only when the first
 * row holding one of its values changed, so those rows get theirs again too. Updates
 * `state` to the edited table.
 */
export function revalidateRows(
  state: RevalidationState,
  before: CheckedRows,
  oldCells: ReadonlyMap<number, readonly string[]>,
): CheckedRows {
  const { table, duplicates } = state;
  const rowNumberOf = (index: number) => table.rows[index]!.row;
  const readable = (row: number) => !state.readIssues.get(row)?.some(isError);

  // The first holder of every value the edits take away or bring, before they do.
  const firstBefore = new Map<string, { key: RowKey; first: number }>();
  const edited = new Map<number, EditedRow>();
  for (const [index, old] of oldCells) {
    const cells = table.rows[index]!.cells;
    // A row with a reading error claims no value (its cells may sit under the wrong header).
    const skip = !readable(rowNumberOf(index));
    const row = {
      cells,
      before: skip ? [] : duplicates.keysOf(old),
      after: skip ? [] : duplicates.keysOf(cells),
    };
    for (const key of [...row.before, ...row.after]) {
      const name = `${key.check}:${key.a}:${key.b}`;
      if (!firstBefore.has(name)) {
        firstBefore.set(name, { key, first: duplicates.first(key) });
      }
    }
    edited.set(index, row);
  }
  for (const [index, row] of edited) {
    duplicates.remove(index, row.before);
  }
  for (const [index, row] of edited) {
    duplicates.add(index, row.after);
  }

  // A duplicate error names the value's first row: when that changed, each holder's changes.
  const affected = new Set(edited.keys());
  for (const { key, first } of firstBefore.values()) {
    if (duplicates.first(key) !== first) {
      for (const index of duplicates.claimers(key)) {
        affected.add(index);
      }
    }
  }

  const rowIssues = new Map(before.rowIssues);
  const counts = { ...before.counts };
  for (const index of affected) {
    const old = before.rowIssues.get(index) ?? [];
    const row = rowNumberOf(index);
    const change = edited.get(index);
    const own = change
      ? ownIssues(state, row, change.cells)
      : old.slice(0, old.length - (state.duplicateCounts.get(index) ?? 0));
    const keys = change ? change.after : duplicates.keysOf(table.rows[index]!.cells);
    const repeats = duplicates.issuesOf(index, row, keys, rowNumberOf);
    const issues = repeats.length > 0 ? [...own, ...repeats] : own;
    if (repeats.length > 0) {
      state.duplicateCounts.set(index, repeats.length);
    } else {
      state.duplicateCounts.delete(index);
    }
    if (issues.length > 0) {
      rowIssues.set(index, issues);
    } else {
      rowIssues.delete(index);
    }
    tally(counts, old, -1);
    tally(counts, issues, 1);
  }
  return { counts, rowIssues };
}

/** A row's reading issues, then its row check's unless it could not be read. */
function ownIssues(state: RevalidationState, row: number, cells: readonly string[]): RowIssue[] {
  const issues = [...(state.readIssues.get(row) ?? [])];
  if (!issues.some(isError)) {
    state.check(row, cells, issues);
  }
  return issues;
}

/** Counts a row's issues in or out: valid without an error, warned with any warning. */
function tally(counts: ValidationCounts, issues: readonly RowIssue[], sign: 1 | -1): void {
  if (issues.some(isError)) {
    counts.invalid += sign;
  } else {
    counts.valid += sign;
  }
  if (issues.some(isWarning)) {
    counts.warnings += sign;
  }
}
