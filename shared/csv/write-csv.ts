import { neutraliseFormula } from './formula-escape';

const NEEDS_QUOTES = /[",\r\n]/;
const BOM = '\uFEFF';
const CRLF = '\r\n';

/** Rows joined into one string before a streaming writer hands it on; ~50-100 KB of CSV. */
export const CSV_ROWS_PER_CHUNK = 500;

/**
 * Writes a table as CSV text that Excel opens correctly and safely.
 *
 * UTF-8 BOM first (so Excel does not read it as the ANSI code page), CRLF line endings,
 * RFC 4180 quoting, and every formula-like cell (= + - @ TAB CR first, multi-line values
 * included) prefixed with an apostrophe against CSV injection. Header cells get the same
 * treatment. parseCsv removes those apostrophes again, so the file round-trips.
 */
export function toCsv(headers: readonly string[], rows: Iterable<readonly string[]>): string {
  let out = '';
  for (const chunk of csvChunks(headers, rows)) {
    out += chunk;
  }
  return out;
}

/**
 * The same text as {@link toCsv}, in pieces of {@link CSV_ROWS_PER_CHUNK} records, for
 * writers that stream to disk: a 100,000-row sheet never exists as one string.
 *
 * The first piece is the BOM and the header record; every record ends with CRLF.
 */
export function* csvChunks(
  headers: readonly string[],
  rows: Iterable<readonly string[]>,
  rowsPerChunk = CSV_ROWS_PER_CHUNK,
): Generator<string, void, undefined> {
  yield `${BOM}${csvLine(headers)}${CRLF}`;
  let chunk = '';
  let count = 0;
  for (const row of rows) {
    chunk += csvLine(row) + CRLF;
    count++;
    if (count === rowsPerChunk) {
      yield chunk;
      chunk = '';
      count = 0;
    }
  }
  if (count > 0) {
    yield chunk;
  }
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
