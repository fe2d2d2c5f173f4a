/**
 * Separates the cells of a packed row (a row's cells joined into one string).
 *
 * NUL never occurs in a cell of a text file batchline reads (text with NUL is refused as
 * binary, and XML cannot hold it), so it needs no escaping; {@link packCells} still checks.
 */
export const CELL_SEPARATOR = '\u0000';

/**
 * A chunk of rows to validate, in the compact form sent to a worker: one string holding the
 * packed rows back to back, their lengths and their row numbers. One string and two typed
 * arrays cost a memcpy to send, where 4,000 rows × 12 cells as arrays would cost 48,000
 * string clones on each side.
 */
export interface ChunkTask {
  rows: Int32Array;
  lengths: Int32Array;
  text: string;
  /** False once the caller has stored all the issues it keeps: send flags and keys only. */
  wantIssues: boolean;
}

/** A row's cells as one string, or undefined if a cell holds the separator (never in files). */
export function packCells(cells: readonly string[]): string | undefined {
  for (const cell of cells) {
    if (cell.includes(CELL_SEPARATOR)) {
      return undefined;
    }
  }
  return cells.join(CELL_SEPARATOR);
}

/** The task for rows already packed. */
export function chunkTask(
  rows: readonly number[],
  packed: readonly string[],
  wantIssues: boolean,
): ChunkTask {
  const lengths = new Int32Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    lengths[i] = packed[i]!.length;
  }
  return { rows: Int32Array.from(rows), lengths, text: packed.join(''), wantIssues };
}

/** Calls `visit` with each row of a task: its index, row number and packed text. */
export function forEachPacked(
  task: ChunkTask,
  visit: (index: number, row: number, packed: string) => void,
): void {
  let at = 0;
  for (let i = 0; i < task.rows.length; i++) {
    const length = task.lengths[i]!;
    visit(i, task.rows[i]!, task.text.slice(at, at + length));
    at += length;
  }
}
