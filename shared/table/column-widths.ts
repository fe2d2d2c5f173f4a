/** Rows looked at to size a column; enough to be representative, few enough to be instant. */
export const WIDTH_SAMPLE_ROWS = 300;

/**
 * A width in px per source column that fits its header and typical values, between 90 and
 * 320, so an email column is wide and an extension column narrow. The values are a sample
 * spread over the whole table (values often grow towards the end: user1 … user99999) plus
 * the last row, read through `cellsAt` so a table never has to be copied to be measured.
 */
export function columnWidths(
  headers: readonly string[],
  rowCount: number,
  cellsAt: (index: number) => readonly string[],
): number[] {
  const longest = headers.map((header) => header.length + 2);
  const step = Math.max(1, Math.ceil(rowCount / WIDTH_SAMPLE_ROWS));
  const measure = (index: number) => {
    const cells = cellsAt(index);
    for (let c = 0; c < longest.length; c++) {
      longest[c] = Math.max(longest[c]!, (cells[c] ?? '').length);
    }
  };
  for (let i = 0; i < rowCount; i += step) {
    measure(i);
  }
  if (rowCount > 0) {
    measure(rowCount - 1);
  }
  return longest.map((chars) => Math.min(320, Math.max(90, Math.round(chars * 7.2) + 24)));
}
