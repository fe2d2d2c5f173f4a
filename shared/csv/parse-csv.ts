import Papa from 'papaparse';
import type { RowIssue } from '../table/row-issue';
import type { SourceRow, SourceTable } from '../table/source-table';
import { findHeaderRow, HEADER_SCAN_ROWS, type HeaderHints } from '../table/find-header-row';
import { raggedRowIssue } from '../table/ragged-row';
import { detectDelimiter } from './detect-delimiter';
import { unneutraliseFormula } from './formula-escape';

/** Options of {@link parseCsv}; a delimiter or header row given here skips its detection. */
export interface ParseCsvOptions {
  delimiter?: string;
  /**
   * The 1-based line the header is on, as the admin chose it: the first non-blank record
   * starting on or after it is the header, and everything above it is dropped.
   */
  headerRow?: number;
  /** The dataset's field names, so detection prefers the row that names them. */
  headerHints?: HeaderHints;
}

interface CsvRecord {
  line: number;
  cells: string[];
  blank: boolean;
  quoteIssue: RowIssue | undefined;
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
  const lineAt = lineCounter(body);
  const rows: SourceRow[] = [];
  const issues: RowIssue[] = [];
  let headers: string[] | undefined;
  let headerRow = 1;
  let skippedEmpty = 0;
  let start = 0;
  // Records read before the header is decided: detection compares the first rows together.
  let lead: CsvRecord[] | undefined = opts.headerRow === undefined ? [] : undefined;
  const firstLine = opts.headerRow ?? 0;

  const note = (issue: RowIssue | undefined): void => {
    if (issue) {
      issues.push(issue);
    }
  };
  const take = (record: CsvRecord): void => {
    if (!headers) {
      if (!record.blank && record.line >= firstLine) {
        headers = record.cells;
        headerRow = record.line;
        note(record.quoteIssue);
      }
      return;
    }
    if (record.blank) {
      skippedEmpty++;
      return;
    }
    rows.push({ row: record.line, cells: record.cells });
    note(record.quoteIssue);
    note(raggedRowIssue(record.line, record.cells, headers.length));
  };
  const decide = (): void => {
    if (!lead) {
      return;
    }
    const records = lead;
    lead = undefined;
    const index = findHeaderRow(
      records.map((record) => record.cells),
      opts.headerHints,
    );
    records.slice(index).forEach(take);
  };

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
      const blank = isBlank(cells);
      if (!blank) {
        for (let i = 0; i < cells.length; i++) {
          cells[i] = unneutraliseFormula(cells[i] ?? '');
        }
      }
      const quoteIssue =
        !blank && result.errors.length > 0 ? quoteIssueOf(result.errors, line, body) : undefined;
      const record = { line, cells, blank, quoteIssue };
      if (lead) {
        lead.push(record);
        if (lead.length >= HEADER_SCAN_ROWS) {
          decide();
        }
        return;
      }
      take(record);
    },
  });
  decide();

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
