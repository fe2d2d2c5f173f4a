/**
 * Separates the cells of a packed row (a row's cells joined into one string).
 *
 * NUL never occurs in a cell of a text file batchline reads (text with NUL is refused as
 * binary, and XML cannot hold it), so it needs no escaping; {@link packCells} still checks.
 */
export const CELL_SEPARATOR = '\u0000';

/**
 * A chunk of rows to validate, as sent to a worker: the packed rows back to back in one
 * string, their lengths and their row numbers. One string and two typed arrays cost a memcpy
 * to send, where an array of rows (or of cells) costs a clone per string on each side. Keep
 * the text under ~60K characters: a string over 128 KB is allocated straight into V8's
 * large-object space and only a full GC frees it.
 */
export interface ChunkTask {
  rows: Int32Array;
  lengths: Int32Array;
  text: string;
  /** False once the caller has stored all the issues it keeps: send flags and keys only. */
  wantIssues: boolean;
}

/** The task for these rows (numbers and packed cells). */
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

/** A row's cells as one string, or undefined if a cell holds the separator (never in files). */
export function packCells(cells: readonly string[]): string | undefined {
  for (const cell of cells) {
    if (cell.includes(CELL_SEPARATOR)) {
      return undefined;
    }
  }
  return cells.join(CELL_SEPARATOR);
}

/** The packed cells of a batch's rows, however the reading thread keeps them. */
export interface PackedRows {
  /** Row `index`'s packed cells. */
  get(index: number): string;
  /** The rows at `indexes`, back to back, and their lengths: a chunk task's text. */
  join(indexes: readonly number[]): { text: string; lengths: Int32Array };
}

/** Packed rows kept as strings: for rows that are kept anyway (a table in memory). */
export class PackedStrings implements PackedRows {
  private readonly list: string[] = [];

  /** Adds a row's packed cells. */
  push(packed: string): void {
    this.list.push(packed);
  }

  get(index: number): string {
    return this.list[index] ?? '';
  }

  join(indexes: readonly number[]): { text: string; lengths: Int32Array } {
    const picked = indexes.map((i) => this.get(i));
    return { text: picked.join(''), lengths: Int32Array.from(picked, (row) => row.length) };
  }
}
