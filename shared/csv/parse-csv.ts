import type { RowIssue } from '../table/row-issue';
import type { SourceRow, SourceTable } from '../table/source-table';
import { CsvStreamParser, csvLayoutOf, type HeaderOptions } from './csv-stream-parser';
import { detectDelimiter } from './detect-delimiter';

// The streaming half lives beside it; its pieces are part of this module's API too.
export {
  CsvStreamParser,
  csvLayoutOf,
  guessNewline,
  type CsvLayout,
  type CsvSink,
  type CsvStreamOptions,
} from './csv-stream-parser';

/** Options of {@link parseCsv}; a delimiter or header row given here skips its detection. */
export interface ParseCsvOptions extends HeaderOptions {
  delimiter?: string;
}

/**
 * Parses CSV text into a SourceTable whose cells are always text.
 *
 * The header is the row {@link findHeaderRow} picks among the first records (title rows and
 * blank lines above it are dropped, uncounted), or the row given in `headerRow`. Each row's
 * `row`, and `headerRow`, is the 1-based line where its record starts, so title rows and
 * quoted line breaks never shift row numbers. Blank and all-whitespace records below the
 * header are dropped and counted in `skippedEmpty`. Ragged rows and broken quotes become
 * RowIssues, never exceptions. A leading apostrophe that batchline's own export put before
 * a formula character is removed, so exported files re-import as they were. An empty or
 * header-only text gives a table with no rows: whether that is an error is the caller's call.
 */
export function parseCsv(text: string, fileName: string, opts: ParseCsvOptions = {}): SourceTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = opts.delimiter ?? detectDelimiter(body);
  const rows: SourceRow[] = [];
  const issues: RowIssue[] = [];
  const parser = new CsvStreamParser(
    { ...csvLayoutOf(body, delimiter), headerRow: opts.headerRow, headerHints: opts.headerHints },
    {
      issue: (issue) => issues.push(issue),
      row: (line, cells, rowIssues) => {
        rows.push({ row: line, cells });
        if (rowIssues) {
          issues.push(...rowIssues);
        }
      },
    },
  );
  parser.end(body);
  return {
    fileName,
    format: 'csv',
    delimiter,
    headerRow: parser.headerRow,
    headers: parser.headers ?? [],
    rows,
    issues,
    skippedEmpty: parser.skippedEmpty,
  };
}

/**
 * Returns a function from a character offset to its 1-based line number.
 *
 * Offsets must be asked in increasing order: the counter only walks forward, so numbering a
 * whole file costs one pass over it.
 */
export function lineCounter(body: string): (offset: number) => number {
  // Classic Mac files end lines with a lone CR; everything else has LF (CRLF included).
  const newline = body.includes('\n') ? '\n' : '\r';
  let line = 1;
  let pos = 0;
  return (offset) => {
    for (;;) {
      const next = body.indexOf(newline, pos);
      if (next === -1 || next >= offset) {
        return line;
      }
      line++;
      pos = next + 1;
    }
  };
}
