import { CELL_SEPARATOR } from '../../../shared/validation/packed-rows';
import type { SourceRow } from '../../../shared/table/source-table';

// The last row unpacked and its cells: code that reads row.cells[i] cell by cell (results
// sheets, duplicate checks) then splits each row once, not once per cell. One entry only,
// so it never holds more than a row.
let lastPacked: string | undefined;
let lastCells: string[] = [];

/**
 * A data row of a streamed sheet, holding its cells as one string.
 *
 * 1M rows × 12 cells kept as arrays of strings took 860 MB here (12M string headers, and the
 * 2-byte file chunks the cells were sliced from kept alive); one flat string per row takes
 * about a third. `cells` unpacks on read, so a PackedRow is a SourceRow to every reader, and
 * toJSON writes the usual `{row, cells}`. Cells are split on NUL, which a text file batchline
 * reads never holds (the reader refuses it as binary).
 */
export class PackedRow implements SourceRow {
  constructor(
    readonly row: number,
    readonly packed: string,
  ) {}

  /** The row's cells; a new array on each read, except for the same row read again. */
  get cells(): string[] {
    // Equal packed text means equal cells, so comparing the strings is enough.
    if (lastPacked !== this.packed) {
      lastPacked = this.packed;
      lastCells = this.packed.split(CELL_SEPARATOR);
    }
    return lastCells;
  }

  /** The plain form, for JSON (the class's getter would not be serialised). */
  toJSON(): SourceRow {
    return { row: this.row, cells: this.cells };
  }
}
