import Papa from 'papaparse';
import type { RowIssue } from '../table/row-issue';
import type { SourceRow, SourceTable } from '../table/source-table';
import { raggedRowIssue } from '../table/ragged-row';
import { detectDelimiter } from './detect-delimiter';
import { unneutraliseFormula } from './formula-escape';

/** Options of {@link parseCsv}; a delimiter given here skips detection. */
export interface ParseCsvOptions {
  delimiter?: string;
}

/**
 * Parses CSV text into a SourceTable whose cells are always text.
 *
 * The first non-blank record is the header (raw text, BOM stripped). Each row's `row` is the
 * 1-based line where its record starts, so a quoted line break does not shift later rows.
 * Blank and all-whitespace records are dropped and counted in `skippedEmpty`. Ragged rows and
 * broken quotes become RowIssues, never exceptions. A leading apostrophe that batchline's own
 * export put before a formula character is removed, so exported files re-import as they were.
 * An empty or header-only text gives a table with no rows: whether that is an error is the
 * caller's call.
 */
export function parseCsv(text: string, fileName: string, opts: ParseCsvOptions = {}): SourceTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = opts.delimiter ?? detectDelimiter(body);
  const lineAt = lineCounter(body);
  const rows: SourceRow[] = [];
  const issues: RowIssue[] = [];
  let headers: string[] | undefined;
  let headerRow = 1;
  let skippedEmpty = 0;
  let start = 0;

  Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result) => {
      const recordStart = start;
      start = result.meta.cursor;
      // papaparse reports an empty record after a final line break; it is not a line of data.
      if (recordStart >= body.length) {
        return;
      }
      const cells = result.data;
      const line = lineAt(recordStart);
      if (isBlank(cells)) {
        if (headers) {
          skippedEmpty++;
        }
        return;
      }
      for (let i = 0; i < cells.length; i++) {
        cells[i] = unneutraliseFormula(cells[i] ?? '');
      }
      const quoteIssue =
        result.errors.length > 0 ? quoteIssueOf(result.errors, line, body) : undefined;
      if (quoteIssue) {
        issues.push(quoteIssue);
      }
      if (!headers) {
        headers = cells;
        headerRow = line;
        return;
      }
      rows.push({ row: line, cells });
      const ragged = raggedRowIssue(line, cells, headers.length);
      if (ragged) {
        issues.push(ragged);
      }
    },
  });

  return {
    fileName,
    format: 'csv',
    delimiter,
    headerRow,
    headers: headers ?? [],
    rows,
    issues,
    skippedEmpty,
  };
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) {
    if (cell.length > 0 && cell.trim() !== '') {
      return false;
    }
  }
  return true;
}

/**
 * Returns a function from a character offset to its 1-based line number.
 *
 * Offsets must be asked in increasing order: the counter only walks forward, so numbering a
 * whole file costs one pass over it.
 */
function lineCounter(body: string): (offset: number) => number {
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

function quoteIssueOf(
  errors: readonly Papa.ParseError[],
  line: number,
  body: string,
): RowIssue | undefined {
  const unterminated = errors.some((e) => e.code === 'MissingQuotes');
  const malformed = errors.some((e) => e.code === 'InvalidQuotes');
  if (unterminated) {
    // Only here, once: an unterminated quote swallows the rest of the file, so it is the last record.
    const lastLine = lineCounter(body)(body.trimEnd().length);
    const span = lastLine > line ? `lines ${line}-${lastLine}` : `line ${line}`;
    return {
      row: line,
      column: null,
      code: 'UNTERMINATED_QUOTE',
      message: `Row ${line} opens a quoted cell that is never closed, so the rest of the file (${span}) was read as this one row; add the missing quote`,
      severity: 'error',
    };
  }
  if (malformed) {
    return {
      row: line,
      column: null,
      code: 'MALFORMED_QUOTE',
      message: `Row ${line} has text right after a closing quote; a quote inside a quoted cell must be doubled ("")`,
      severity: 'error',
    };
  }
  return undefined;
}
