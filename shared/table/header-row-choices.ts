/** A row the admin may pick as the header: its line or sheet row and its first cells, shortened. */
export interface HeaderRowChoice {
  row: number;
  cells: string[];
}

/** How many cells of a candidate row the File panel shows, and how long each may be. */
const CHOICE_CELLS = 8;
const CHOICE_CELL_CHARS = 40;

/**
 * The "Header is on row N" choices among the first rows of a file (CSV records or sheet
 * rows): the non-blank ones, in order, each with its first cells shortened for a select.
 */
export function headerRowChoices(
  rows: readonly { row: number; cells: readonly string[] }[],
): HeaderRowChoice[] {
  return rows
    .filter((record) => record.cells.some((cell) => cell.trim() !== ''))
    .map((record) => ({ row: record.row, cells: shorten(record.cells) }));
}

function shorten(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? '').trim() === '') {
    end--;
  }
  return cells.slice(0, Math.min(end, CHOICE_CELLS)).map((cell) => {
    const text = cell.replace(/\s+/g, ' ').trim();
    return text.length > CHOICE_CELL_CHARS ? `${text.slice(0, CHOICE_CELL_CHARS - 1)}…` : text;
  });
}
