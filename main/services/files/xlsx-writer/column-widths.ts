/** Narrowest and widest column batchline sets, in Excel's character units. */
export const MIN_COLUMN_WIDTH = 8;
export const MAX_COLUMN_WIDTH = 60;

// Room for the auto-filter button beside a header's text.
const FILTER_BUTTON = 3;
// Padding either side of a value so neighbouring columns do not touch.
const PADDING = 2;
// East Asian wide and full-width characters take about two columns in Excel's fonts.
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Column widths fitted to the headers and a sample of rows: the longest line of each column
 * (a multi-line cell counts its longest line), clamped to {@link MIN_COLUMN_WIDTH} and
 * {@link MAX_COLUMN_WIDTH} so one long message does not push every other column off screen.
 *
 * Streaming writers fix widths before the first row goes out, hence a sample, not every row.
 */
export function columnWidths(
  headers: readonly string[],
  sample: readonly (readonly string[])[],
): number[] {
  return headers.map((header, column) => {
    let longest = displayWidth(header) + FILTER_BUTTON;
    for (const row of sample) {
      const value = row[column];
      if (value) {
        longest = Math.max(longest, displayWidth(value));
      }
    }
    return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, longest + PADDING));
  });
}

/** The width of a value's longest line, counting wide characters twice. */
export function displayWidth(value: string): number {
  let widest = 0;
  for (const line of value.split(/\r\n|\r|\n/)) {
    let width = 0;
    for (const char of line) {
      width += WIDE.test(char) ? 2 : 1;
    }
    widest = Math.max(widest, width);
  }
  return widest;
}
