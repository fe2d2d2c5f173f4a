import { AppError } from '../../shared/errors';
import type { CellChange, CellEdit } from '../../shared/edits/cell-edit';
import type { SourceTable } from '../../shared/table/source-table';

/**
 * The admin's edits of one open table, applied in place: an edited row is replaced by a plain
 * `{row, cells}` copy (a streamed table's rows are packed strings), so everything that reads
 * the table afterwards (validation, plan, push, results) sees the edited values. The value
 * the file had is kept per cell, so an edit back to it disappears and a `.batchline` file
 * can record `from` and `to`.
 */
export class TableEdits {
  /** Row index → column index → the value the file had. */
  private readonly original = new Map<number, Map<number, string>>();
  private readonly rowIndex = new Map<number, number>();

  constructor(private readonly table: SourceTable) {}

  /** How many cells differ from the file now. */
  get count(): number {
    let n = 0;
    for (const cells of this.original.values()) {
      n += cells.size;
    }
    return n;
  }

  /**
   * Applies changes, all or none: an unknown row or header refuses the whole list (naming
   * it) before any cell changes. Returns how many cells actually changed value.
   */
  apply(changes: readonly CellChange[]): number {
    const resolved = changes.map((change) => ({
      change,
      index: this.indexOf(change.row),
      column: this.columnOf(change.column, change.row),
    }));
    let changed = 0;
    for (const { change, index, column } of resolved) {
      const source = this.table.rows[index]!;
      const cells = [...source.cells];
      while (cells.length <= column) {
        cells.push('');
      }
      const current = cells[column]!;
      if (current === change.value) {
        continue;
      }
      let kept = this.original.get(index);
      if (!kept) {
        kept = new Map();
        this.original.set(index, kept);
      }
      if (!kept.has(column)) {
        kept.set(column, current);
      } else if (kept.get(column) === change.value) {
        kept.delete(column);
      }
      if (kept.size === 0) {
        this.original.delete(index);
      }
      cells[column] = change.value;
      this.table.rows[index] = { row: source.row, cells };
      changed++;
    }
    return changed;
  }

  /** Every cell that differs from the file, in row then column order. */
  list(): CellEdit[] {
    const edits: CellEdit[] = [];
    const indexes = [...this.original.keys()].sort((a, b) => a - b);
    for (const index of indexes) {
      const row = this.table.rows[index]!;
      const columns = [...this.original.get(index)!.entries()].sort((a, b) => a[0] - b[0]);
      for (const [column, from] of columns) {
        edits.push({
          row: row.row,
          column: this.table.headers[column] ?? '',
          from,
          to: row.cells[column] ?? '',
        });
      }
    }
    return edits;
  }

  /** Whether the cell of row index `index`, column `column`, was edited. */
  isEdited(index: number, column: number): boolean {
    return this.original.get(index)?.has(column) ?? false;
  }

  private indexOf(row: number): number {
    if (this.rowIndex.size === 0) {
      this.table.rows.forEach((source, index) => this.rowIndex.set(source.row, index));
    }
    const index = this.rowIndex.get(row);
    if (index === undefined) {
      throw new AppError('USAGE', `Row ${row} is not a data row of ${this.table.fileName}.`);
    }
    return index;
  }

  private columnOf(header: string, row: number): number {
    const column = this.table.headers.indexOf(header);
    if (column < 0) {
      throw new AppError('USAGE', `Row ${row}: ${this.table.fileName} has no column "${header}".`);
    }
    return column;
  }
}
