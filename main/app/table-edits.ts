import { AppError } from '../../shared/errors';
import type { CellChange, CellEdit } from '../../shared/edits/cell-edit';
import type { SourceRow, SourceTable } from '../../shared/table/source-table';
import { packCells } from '../../shared/validation/packed-rows';
import { PackedRow } from '../services/pipeline/packed-row';

/**
 * The edited row in the form the table keeps rows in: a streamed table's packed string (a
 * column tool over a million rows must not turn each into an array of cell strings, three
 * times the memory), else a plain row.
 */
function rowOf(source: SourceRow, cells: string[]): SourceRow {
  const packed = source instanceof PackedRow ? packCells(cells) : undefined;
  return packed === undefined ? { row: source.row, cells } : new PackedRow(source.row, packed);
}

/**
 * The admin's edits of one open table, applied in place: an edited row is replaced by a copy
 * with the new cells, so everything that reads
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
    return this.applyResolved(
      changes.map((change) => ({
        index: this.indexOf(change.row),
        column: this.columnOf(change.column, change.row),
        value: change.value,
      })),
    );
  }

  /**
   * Puts cells back to the file's value: those listed (by row and header; a cell that was
   * not edited is left alone), or every edited cell. Unknown rows or headers refuse the
   * lot, as apply does. Returns how many cells changed value.
   */
  revert(cells?: readonly Pick<CellChange, 'row' | 'column'>[]): number {
    if (cells === undefined) {
      // By index, not header: a sheet may repeat a header, and each of its cells counts.
      const all = [...this.original].flatMap(([index, kept]) =>
        [...kept].map(([column, value]) => ({ index, column, value })),
      );
      return this.applyResolved(all);
    }
    const resolved = cells.map((cell) => ({
      index: this.indexOf(cell.row),
      column: this.columnOf(cell.column, cell.row),
    }));
    return this.applyResolved(
      resolved.flatMap(({ index, column }) => {
        const value = this.original.get(index)?.get(column);
        return value === undefined ? [] : [{ index, column, value }];
      }),
    );
  }

  /** The edited cells of row index `index` (column index, value the file had), if any. */
  editsOf(index: number): { column: number; from: string }[] | undefined {
    const kept = this.original.get(index);
    return kept
      ? [...kept].map(([column, from]) => ({ column, from })).sort((a, b) => a.column - b.column)
      : undefined;
  }

  private applyResolved(
    changes: readonly { index: number; column: number; value: string }[],
  ): number {
    let changed = 0;
    for (const change of changes) {
      const { index, column } = change;
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
      this.table.rows[index] = rowOf(source, cells);
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
