import type { UniqueField } from '../datasets/dataset';
import type { RowIssue } from '../table/row-issue';
import type { SourceTable } from '../table/source-table';
import type { MappedColumn } from './mapped-columns';

/** A duplicate found: the index of the row in the table and the error to add to it. */
export interface DuplicateHit {
  rowIndex: number;
  issue: RowIssue;
}

/**
 * Finds values repeated across rows in the dataset's unique fields.
 *
 * Works on the raw cells, so a row invalid for another reason still claims its email: two
 * rows for one person are a problem even before either is fixed. Every occurrence after the
 * first gets an error naming the first row. Rows with reading errors are left out, as their
 * cells may sit under the wrong header. Hits come row by row, each row's in field order.
 */
export function findDuplicates(
  table: SourceTable,
  uniqueFields: readonly UniqueField[],
  columns: readonly MappedColumn[],
  readIssues: ReadonlyMap<number, readonly RowIssue[]>,
): DuplicateHit[] {
  const hits: DuplicateHit[] = [];
  const unreadable = new Set<number>();
  for (const [row, issues] of readIssues) {
    if (issues.some((issue) => issue.severity === 'error')) {
      unreadable.add(row);
    }
  }
  const checked = uniqueFields.flatMap((unique) => {
    const column = columns.find((c) => c.key === unique.key);
    const scope = scopeColumnOf(unique, columns);
    return column ? [{ unique, column, scope, firstRowOf: new Map<string, number>() }] : [];
  });
  for (let r = 0; r < table.rows.length; r++) {
    const source = table.rows[r]!;
    if (unreadable.has(source.row)) {
      continue;
    }
    // Read once per row: a streamed table's rows unpack their cells on each read.
    const cells = source.cells;
    for (const { unique, column, scope, firstRowOf } of checked) {
      const raw = cells[column.index]?.trim();
      if (!raw) {
        continue;
      }
      const prefix = scopePrefix(scope, cells);
      for (const value of unique.split ? unique.split(raw) : [raw]) {
        const normalised = unique.normalise(value);
        if (normalised === '') {
          continue;
        }
        const key = prefix + normalised;
        const first = firstRowOf.get(key);
        if (first === undefined) {
          firstRowOf.set(key, source.row);
        } else if (first !== source.row) {
          hits.push({
            rowIndex: r,
            issue: duplicateIssue(source.row, column, unique, value, first),
          });
        }
      }
    }
  }
  return hits;
}

/** The error on a repeat of a unique value; the streaming pipeline words it the same way. */
export function duplicateIssue(
  row: number,
  column: MappedColumn,
  unique: UniqueField,
  value: string,
  first: number,
): RowIssue {
  return {
    row,
    column: column.header,
    field: unique.key,
    code: 'DUPLICATE_VALUE',
    message: `${unique.describe ? unique.describe(value) : `Duplicate ${unique.key} ${value}`}: also on row ${first}`,
    severity: 'error',
  };
}

/** The mapped column a unique field is scoped by, null when unscoped, -1 when not mapped. */
export function scopeColumnOf(
  unique: UniqueField,
  columns: readonly MappedColumn[],
): number | null {
  if (unique.scope === undefined) {
    return null;
  }
  return columns.find((c) => c.key === unique.scope)?.index ?? -1;
}

/** What a scoped key starts with: the scope's value, so equal values in two scopes differ. */
export function scopePrefix(scope: number | null, cells: readonly string[]): string {
  if (scope === null) {
    return '';
  }
  return `${scope < 0 ? '' : (cells[scope] ?? '').trim().toLowerCase()}\u0000`;
}
