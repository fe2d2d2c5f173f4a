import { AppError } from '../errors';
import type { CellChange, CellEdit } from '../edits/cell-edit';
import type { SourceTable } from '../table/source-table';

/** Longest cell value quoted in a refusal; the rest is elided. */
const MAX_QUOTED = 60;

function quote(value: string): string {
  const clipped = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED - 1)}…` : value;
  return `"${clipped}"`;
}

/**
 * The changes that redo a batch's edits on the table read again from its source file, after
 * checking that each edited cell still holds the value the batch says it had (`from`).
 *
 * A cell that differs, a row or a column that is not there means the batch was changed by
 * hand or damaged: applying it anyway could push values nobody reviewed, so the whole batch
 * is refused with BATCH_INVALID naming the first such row and column.
 */
export function batchEditChanges(table: SourceTable, edits: readonly CellEdit[]): CellChange[] {
  const rows = new Map(table.rows.map((row) => [row.row, row]));
  return edits.map((edit) => {
    const column = table.headers.indexOf(edit.column);
    const row = rows.get(edit.row);
    if (!row) {
      throw refuse(`it edits row ${edit.row}, but ${table.fileName} has no data row ${edit.row}`);
    }
    if (column < 0) {
      throw refuse(
        `it edits row ${edit.row}, column "${edit.column}", but ${table.fileName} has no column "${edit.column}"`,
      );
    }
    const now = row.cells[column] ?? '';
    if (now !== edit.from) {
      throw refuse(
        `its edit of row ${edit.row}, column "${edit.column}" expects ${quote(edit.from)} there, but ${table.fileName} has ${quote(now)}`,
      );
    }
    return { row: edit.row, column: edit.column, value: edit.to };
  });
}

function refuse(reason: string): AppError {
  return new AppError(
    'BATCH_INVALID',
    `The batch does not fit its file: ${reason}. The batch file was changed after it was saved, or is damaged.`,
  );
}
