import type { RowIssue } from './row-issue';

const PREVIEW_CHARS = 40;

/**
 * The reading problem of a row whose cell count differs from the header's, or undefined.
 *
 * Short rows are errors: which cell is missing cannot be known, so every value after the gap
 * may sit under the wrong header. Long rows are errors when an extra cell has content (the
 * message lists those cells so the admin can find the stray delimiter), and only a warning
 * when the extra cells are empty, as spreadsheet tools often write trailing delimiters.
 */
export function raggedRowIssue(
  row: number,
  cells: readonly string[],
  headerCount: number,
): RowIssue | undefined {
  const count = cells.length;
  if (count === headerCount) {
    return undefined;
  }
  const base = `Row ${row} has ${count} ${count === 1 ? 'cell' : 'cells'}, expected ${headerCount} (the header has ${headerCount} columns)`;
  if (count < headerCount) {
    return issue(row, 'error', `${base}; a delimiter or a quote is probably missing`);
  }
  const extras: string[] = [];
  for (let i = headerCount; i < count; i++) {
    const text = cells[i]?.trim() ?? '';
    if (text !== '') {
      extras.push(`column ${i + 1} '${preview(text)}'`);
    }
  }
  if (extras.length === 0) {
    return issue(row, 'warning', `${base}; the extra cells are empty and were ignored`);
  }
  return issue(row, 'error', `${base}; extra cells with content: ${extras.join(', ')}`);
}

function issue(row: number, severity: RowIssue['severity'], message: string): RowIssue {
  return { row, column: null, code: 'RAGGED_ROW', message, severity };
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > PREVIEW_CHARS ? `${oneLine.slice(0, PREVIEW_CHARS)}…` : oneLine;
}
