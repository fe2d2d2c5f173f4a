import { neutraliseFormula } from './formula-escape';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Writes a table as CSV text that Excel opens correctly and safely.
 *
 * UTF-8 BOM first (so Excel does not read it as the ANSI code page), CRLF line endings,
 * RFC 4180 quoting, and every formula-like cell (= + - @ TAB CR first, multi-line values
 * included) prefixed with an apostrophe against CSV injection. Header cells get the same
 * treatment. parseCsv removes those apostrophes again, so the file round-trips.
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = csvLine(headers);
  for (let i = 0; i < rows.length; i++) {
    lines[i + 1] = csvLine(rows[i] ?? []);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One CSV record without its line ending; exported for writers that stream line by line. */
export function csvLine(cells: readonly string[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) {
      out += ',';
    }
    out += csvCell(cells[i] ?? '');
  }
  return out;
}

function csvCell(raw: string): string {
  const value = neutraliseFormula(raw);
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
