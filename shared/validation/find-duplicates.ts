import type { UniqueField } from '../datasets/dataset';
import type { RowIssue } from '../table/row-issue';
import type { SourceTable } from '../table/source-table';

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
 * cells may sit under the wrong header.
 */
export function findDuplicates(
  table: SourceTable,
  uniqueFields: readonly UniqueField[],
  columns: readonly { key: string; header: string; index: number }[],
  readIssues: ReadonlyMap<number, readonly RowIssue[]>,
): DuplicateHit[] {
  const hits: DuplicateHit[] = [];
  const unreadable = new Set<number>();
  for (const [row, issues] of readIssues) {
    if (issues.some((issue) => issue.severity === 'error')) {
      unreadable.add(row);
    }
  }
  for (const unique of uniqueFields) {
    const column = columns.find((c) => c.key === unique.key);
    if (!column) {
      continue;
    }
    const firstRowOf = new Map<string, number>();
    for (let r = 0; r < table.rows.length; r++) {
      const source = table.rows[r]!;
      const raw = source.cells[column.index]?.trim();
      if (!raw || unreadable.has(source.row)) {
        continue;
      }
      if (!unique.split) {
        claim(raw, r, source.row);
        continue;
      }
      for (const value of unique.split(raw)) {
        claim(value, r, source.row);
      }
    }

    function claim(value: string, rowIndex: number, row: number): void {
      const key = unique.normalise(value);
      if (key === '') {
        return;
      }
      const first = firstRowOf.get(key);
      if (first === undefined) {
        firstRowOf.set(key, row);
      } else if (first !== row) {
        hits.push({
          rowIndex,
          issue: {
            row,
            column: column!.header,
            field: unique.key,
            code: 'DUPLICATE_VALUE',
            message: `Duplicate ${unique.key} ${value}: also on row ${first}`,
            severity: 'error',
          },
        });
      }
    }
  }
  return hits;
}
